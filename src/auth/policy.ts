import type { Viewer } from "./viewer.ts";
import type { AccountScope } from "../domain/account-scope.ts";
import { ForbiddenError } from "../domain/errors.ts";

/** One policy module: scope-auth and services both decide through these functions. */
export const isAdmin = (viewer: Viewer) => viewer.role === "ADMIN";
export const isStaff = (viewer: Viewer) => viewer.role === "ADMIN" || viewer.role === "AGENT";
export const isAuthenticated = (viewer: Viewer) => viewer.role !== null;

export interface AccountRef {
  id: string;
  partnerId: string | null;
}

/** Staff see every account, partners the accounts they sold, customers only themselves. */
export function canReadAccount(viewer: Viewer, account: AccountRef): boolean {
  if (isStaff(viewer)) return true;
  if (viewer.role === "PARTNER") return account.partnerId !== null && account.partnerId === viewer.partnerId;
  if (viewer.role === "CUSTOMER") return account.id === viewer.accountId;
  return false;
}

/** The set of accounts a viewer may list, as a filter on account columns. */
export function accountScope(viewer: Viewer): AccountScope {
  if (isStaff(viewer)) return { all: true };
  if (viewer.role === "PARTNER" && viewer.partnerId) return { partnerId: viewer.partnerId };
  if (viewer.role === "CUSTOMER" && viewer.accountId) return { id: viewer.accountId };
  return { none: true };
}

export const canCreateAccount = (viewer: Viewer) => isStaff(viewer) || viewer.role === "PARTNER";
/** Status and payment status are the vendor's to set; partners may change names and languages. */
export const canChangeAccountStanding = isStaff;

/** Whoever may see an account may book, change and cancel its support level (partners sell support). */
export const canManageTierSubscription = canReadAccount;
/** A new support PIN is shown once: to the customer itself or to staff, never to a partner. */
export const canRotateSupportPin = (viewer: Viewer, account: AccountRef) => isStaff(viewer) || (viewer.role === "CUSTOMER" && viewer.accountId === account.id);
/** Chat and phone agents verify PINs. */
export const canVerifySupportPin = isStaff;

/** A ticket is visible to whoever may see its account. */
export const canReadTicket = (viewer: Viewer, ticket: { account: AccountRef }) => canReadAccount(viewer, ticket.account);
/**
 * Agents answer, note, change status, assign, log work and change tiers; the customer (or its
 * partner) opens tickets, replies, completes information, closes and reopens.
 */
export const canWorkTicket = isStaff;
/** Saved queues and SLA reports are the support team's. */
export const canManageQueues = isStaff;
/** Staff, partners (for the accounts they sold) and customers (for themselves) ask for sessions and installations, and cancel them. */
export const canRequestBooking = canReadAccount;
/** Only staff confirm a proposed slot and record a session as done. */
export const canScheduleBooking = isStaff;
/** Internal notes are the support team's; every other message is visible with its ticket. */
export const canReadTicketMessage = (viewer: Viewer, message: { kind: string; ticket: { account: AccountRef } }) =>
  message.kind === "INTERNAL_NOTE" ? isStaff(viewer) : canReadTicket(viewer, message.ticket);

/** The name shown for who wrote or changed something: staff see the token id; customers and partners see themselves, the service ("system") or "support". */
export function actorShownTo(viewer: Viewer, actor: string): string {
  if (isStaff(viewer) || actor === "system" || (viewer.tokenId !== null && actor === viewer.tokenId)) return actor;
  return "support";
}

/** Staff only (administrators and agents); `message` says what the others may not do. */
export function requireStaff(viewer: Viewer, message = "Only staff may do this"): void {
  if (!isStaff(viewer)) throw new ForbiddenError(message);
}
