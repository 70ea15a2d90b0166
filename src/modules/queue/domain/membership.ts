import type { AccountScope } from "../../../domain/account-scope.ts";
import { overdueAt } from "../../sla/domain/index.ts";
import { OPEN_TICKET_STATUSES } from "../../ticket/domain/index.ts";
import type { TicketFilter } from "./ticket-filter.ts";

/**
 * A ticket's place in the queue order: priority rank (higher first), due instant of its running
 * clocks (none last), arrival, id. A cursor carries it, so the next page starts right after it
 * even if that ticket has moved or closed meanwhile.
 */
export interface QueueKey {
  priorityRank: number;
  /** epoch ms; null: no running clock */
  nextDueAt: number | null;
  createdAt: number;
  id: string;
}

/** What a cached ticket list shows: the tickets of a scope and (normalised) filter, up to `bound` in queue order. */
export interface TicketListShown {
  scope: AccountScope;
  filter: TicketFilter;
  /** the last ticket shown of a first page that had more after it; null: any matching ticket counts */
  bound: QueueKey | null;
}

/** A ticket as it is now, for deciding whether it enters a cached list (TicketQueueService.place). */
export interface TicketPlace extends QueueKey {
  status: string;
  tierCode: string | null;
  channel: string;
  language: string;
  teamId: string | null;
  assigneeId: string | null;
  atRiskAt: number | null;
  accountId: string;
  partnerId: string | null;
}

/**
 * Whether a changed ticket can concern a live queue of this scope at all, before anything is read:
 * a customer's queues hold only its own account's tickets, a partner's only those of the accounts
 * it sold (or, for both, one they already hold: its account may just have moved). Other
 * workspaces' changes never reach a subscription (the bus filters them).
 */
export function changeMayConcern(
  scope: AccountScope,
  change: { ticketId: string; accountId: string; partnerId?: string | null },
  held: ReadonlySet<string>,
): boolean {
  if ("none" in scope) return false;
  if ("all" in scope || held.has(change.ticketId)) return true;
  if ("id" in scope) return change.accountId === scope.id;
  // an event written before events named the partner (still in the outbox) may concern any partner
  return change.partnerId === undefined || change.partnerId === scope.partnerId;
}

const among = <T>(allowed: readonly T[] | null | undefined, value: T) => !allowed?.length || allowed.includes(value);

/**
 * Whether a changed ticket, as it is now, belongs on a cached list: in its scope, matching its
 * filter (at `now` for breached and at risk), and not after the list's last shown ticket. A ticket
 * that was shown and left is found by its id instead (the list names what it showed).
 */
export function ticketEntersList(list: TicketListShown, ticket: TicketPlace, now: number): boolean {
  const { scope, filter } = list;
  if ("none" in scope || ("id" in scope && scope.id !== ticket.accountId) || ("partnerId" in scope && scope.partnerId !== ticket.partnerId)) return false;
  const due = ticket.nextDueAt;
  const breached = due !== null && overdueAt(due, now);
  const atRisk = ticket.atRiskAt !== null && ticket.atRiskAt <= now && due !== null && !overdueAt(due, now);
  const matches =
    among(filter.statuses?.length ? filter.statuses : OPEN_TICKET_STATUSES, ticket.status as never) &&
    (!filter.tierCodes?.length || (ticket.tierCode !== null && filter.tierCodes.includes(ticket.tierCode))) &&
    among(filter.priorityRanks, ticket.priorityRank) &&
    among(filter.channels, ticket.channel as never) &&
    among(filter.languages, ticket.language) &&
    (!filter.teamIds?.length || (ticket.teamId !== null && filter.teamIds.includes(ticket.teamId))) &&
    (!filter.assigneeIds?.length || (ticket.assigneeId !== null && filter.assigneeIds.includes(ticket.assigneeId))) &&
    (filter.unassigned == null || filter.unassigned === (ticket.assigneeId === null)) &&
    (filter.breached == null || filter.breached === breached) &&
    (filter.atRisk == null || filter.atRisk === atRisk);
  return matches && (list.bound === null || queueKeyCompare(ticket, list.bound) <= 0);
}

/** The queue order on sort keys, as the index orders them (ids compared as the database's collation does for uuids). */
export function queueKeyCompare(a: QueueKey, b: QueueKey): number {
  const due = (key: QueueKey) => key.nextDueAt ?? Number.POSITIVE_INFINITY;
  return b.priorityRank - a.priorityRank || due(a) - due(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
