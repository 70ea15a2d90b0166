import { latestOverdueDue } from "../sla/domain/index.ts";
import { accountScope } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { OPEN_TICKET_STATUSES, TICKET_STATUSES } from "../ticket/domain/index.ts";
import type { QueueKey, TicketFilter } from "./domain/index.ts";

/** Where a page starts: after (forward) or before (backward) a key, or at either end. */
export interface QueuePage {
  after?: QueueKey | null;
  before?: QueueKey | null;
  /** rows to read (the caller asks one more than it shows, to know whether more follow) */
  limit: number;
  backward: boolean;
}

/** Positional parameters of one statement. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ""): string {
    this.values.push(Array.isArray(value) ? arrayLiteral(value) : value);
    return `$${this.values.length}${cast}`;
  }
  /** an instant as the timestamp(3) columns store it (UTC wall time) */
  instant(epochMs: number | Date): string {
    return `(${this.add(new Date(epochMs).toISOString())}::timestamptz AT TIME ZONE 'UTC')`;
  }
}

// Both drivers take an array literal as text the same way (PGlite does not serialise JS arrays).
const arrayLiteral = (values: readonly unknown[]) => `{${values.map((value) => `"${String(value).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

// The sort key as the index "Ticket_queue_order_idx" spells it after its workspace (migration
// *_queue_indexes_by_workspace): every key ascending, so a cursor is one row comparison the index seeks to.
const DUE = `COALESCE(t."nextDueAt", 'infinity'::timestamp(3))`;
const sortKey = (alias: string) => `(-${alias}."priorityRank"), COALESCE(${alias}."nextDueAt", 'infinity'::timestamp(3)), ${alias}."createdAt", ${alias}.id`;
const SORT_KEY = sortKey("t");
export const QUEUE_ORDER_SQL = `-t."priorityRank", ${DUE}, t."createdAt", t.id`;
const QUEUE_ORDER_DESC_SQL = `-t."priorityRank" DESC, ${DUE} DESC, t."createdAt" DESC, t.id DESC`;

// Statuses are written as literals (from the fixed list, never from input): the index is partial on
// the open ones, and the planner proves that only against constants.
const statusList = (statuses: readonly string[]) =>
  statuses
    .filter((status) => (TICKET_STATUSES as readonly string[]).includes(status))
    .map((status) => `'${status}'`)
    .join(", ");

// One value is an equality: the planner then reads the assignee's or team's queue order index in
// order (PostgreSQL 15 does not for `= ANY` of an array).
const oneOf = (column: string, values: readonly string[], params: SqlParams) =>
  values.length === 1 ? `${column} = ${params.add(values[0], "::text")}` : `${column} = ANY(${params.add(values, "::text[]")})`;

/**
 * The tickets of a normalised filter the viewer may see, at `now`, as SQL conditions on `t`
 * ("Ticket"). Statuses default to the open ones. The viewer's workspace comes first: row-level
 * security admits only its rows anyway, but named here it is the leading equality every queue
 * index seeks on (migration *_queue_indexes_by_workspace).
 */
export function queueConditions(viewer: Viewer, filter: TicketFilter, now: Date, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (viewer.workspaceId) conditions.push(`t."workspaceId" = ${params.add(viewer.workspaceId, "::text")}`);
  const scope = accountScope(viewer);
  if ("partnerId" in scope) conditions.push(`t."accountId" IN (SELECT a.id FROM "Account" a WHERE a."partnerId" = ${params.add(scope.partnerId)})`);
  else if ("id" in scope) conditions.push(`t."accountId" = ${params.add(scope.id)}`);
  else if ("none" in scope) conditions.push("false");
  const statuses = statusList(filter.statuses?.length ? filter.statuses : OPEN_TICKET_STATUSES);
  conditions.push(statuses ? `t.status IN (${statuses})` : "false");
  if (filter.tierCodes?.length) conditions.push(`t."tierId" IN (SELECT r.id FROM "Tier" r WHERE r.code = ANY(${params.add(filter.tierCodes, "::text[]")}))`);
  if (filter.priorityRanks?.length) conditions.push(`t."priorityRank" = ANY(${params.add(filter.priorityRanks, "::int[]")})`);
  if (filter.channels?.length) conditions.push(`t.channel = ANY(${params.add(filter.channels, '::"SupportChannel"[]')})`);
  if (filter.languages?.length) conditions.push(`t.language = ANY(${params.add(filter.languages, "::text[]")})`);
  if (filter.teamIds?.length) conditions.push(oneOf(`t."teamId"`, filter.teamIds, params));
  if (filter.assigneeIds?.length) conditions.push(oneOf(`t."assigneeId"`, filter.assigneeIds, params));
  if (filter.unassigned != null) conditions.push(`t."assigneeId" IS ${filter.unassigned ? "" : "NOT "}NULL`);
  if (filter.breached != null || filter.atRisk != null) {
    // breached once the due instant has passed, not at it (due-rule.ts)
    const overdue = params.instant(new Date(latestOverdueDue(now.getTime())));
    if (filter.breached != null) conditions.push(filter.breached ? `t."nextDueAt" <= ${overdue}` : `(t."nextDueAt" IS NULL OR t."nextDueAt" > ${overdue})`);
    if (filter.atRisk != null) {
      const risky = `(t."atRiskAt" <= ${params.instant(now)} AND t."nextDueAt" > ${overdue})`;
      conditions.push(filter.atRisk ? risky : `NOT COALESCE(${risky}, false)`);
    }
  }
  return conditions;
}

/** The keyset condition and order of one page: the index is read from the cursor on, never skipped through. */
export function queuePageClauses(page: QueuePage, params: SqlParams): { conditions: string[]; orderBy: string } {
  const conditions: string[] = [];
  const bound = (key: QueueKey, op: ">" | "<") => {
    const due = key.nextDueAt === null ? `'infinity'::timestamp(3)` : params.instant(key.nextDueAt);
    conditions.push(
      `ROW(${SORT_KEY}) ${op} ROW(${params.add(-key.priorityRank, "::int")}, ${due}, ${params.instant(key.createdAt)}, ${params.add(key.id, "::text")})`,
    );
  };
  if (page.after) bound(page.after, ">");
  if (page.before) bound(page.before, "<");
  return { conditions, orderBy: page.backward ? QUEUE_ORDER_DESC_SQL : QUEUE_ORDER_SQL };
}

export const queueKeyOf = (ticket: { priorityRank: number; nextDueAt: Date | null; createdAt: Date; id: string }): QueueKey => ({
  priorityRank: ticket.priorityRank,
  nextDueAt: ticket.nextDueAt?.getTime() ?? null,
  createdAt: ticket.createdAt.getTime(),
  id: ticket.id,
});

/**
 * The 1-based places of the tickets `ids` among the tickets of `conditions` (on `t`) in queue
 * order, in one statement: each place is a count of the rows before it, read from the index.
 */
export function queuePositionsSql(conditions: string[], ids: readonly string[], params: SqlParams): string {
  const before = [...conditions, `ROW(${SORT_KEY}) < ROW(${sortKey("k")})`].join(" AND ");
  return `SELECT k.id, (SELECT count(*) FROM "Ticket" t WHERE ${before})::int + 1 AS position FROM "Ticket" k WHERE k.id = ANY(${params.add(ids, "::text[]")})`;
}
