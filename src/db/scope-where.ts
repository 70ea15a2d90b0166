import { accountScope } from "../auth/policy.ts";
import type { Viewer } from "../auth/viewer.ts";
import type { Prisma } from "../generated/prisma/client.ts";

/** A filter that admits no row. */
type Nothing = { id: { in: string[] } };
/** Rows that belong to an account through an `account` relation (tickets, bookings) a viewer may see. */
export type AccountOwnedWhere = Record<string, never> | Nothing | { account: { partnerId: string } } | { accountId: string };

/**
 * The rows a viewer may see (src/auth/policy.ts accountScope) as a Prisma `where`: accounts
 * themselves (`"self"`) or rows that belong to one through its `account` relation.
 */
export function scopeWhere(viewer: Viewer, path: "self"): Prisma.AccountWhereInput;
export function scopeWhere(viewer: Viewer, path: "account"): AccountOwnedWhere;
export function scopeWhere(viewer: Viewer, path: "self" | "account"): Prisma.AccountWhereInput | AccountOwnedWhere {
  const scope = accountScope(viewer);
  if ("all" in scope) return {};
  if ("none" in scope) return { id: { in: [] } };
  if ("partnerId" in scope) return path === "self" ? { partnerId: scope.partnerId } : { account: { partnerId: scope.partnerId } };
  return path === "self" ? { id: scope.id } : { accountId: scope.id };
}
