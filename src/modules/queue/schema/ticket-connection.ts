import { queryFromInfo } from "@pothos/plugin-prisma";
import { accountScope } from "../../../auth/policy.ts";
import { type GraphQLResolveInfo, Kind } from "graphql";
import { ValidationError } from "../../../domain/errors.ts";
import type { Context } from "../../../graphql/context.ts";
import { type QueuePage, queueKeyOf } from "../queue-sql.ts";
import type { QueueCounts } from "../ticket-queue-service.ts";
import { normaliseFilter, type QueueKey, type TicketFilter } from "../domain/index.ts";

/**
 * Ticket lists in queue order as Relay connections whose cursors carry the ticket's sort key, so a
 * page is read from the queue order index at the cursor (never skipped to) and still starts right
 * after a ticket that has moved or closed since. Cursors stay opaque base64; those of the earlier
 * id-based lists are refused with a ValidationError on the argument.
 */

const PREFIX = "TQ1:";
const DEFAULT_SIZE = 20;
export const MAX_TICKET_PAGE = 200;
const SORT_KEY_SELECT = { id: true, priorityRank: true, nextDueAt: true, createdAt: true };

export function encodeQueueCursor(key: QueueKey): string {
  return Buffer.from(PREFIX + JSON.stringify([key.priorityRank, key.nextDueAt, key.createdAt, key.id])).toString("base64");
}

export function decodeQueueCursor(field: string, cursor: string): QueueKey {
  const text = cursor.length <= 300 ? Buffer.from(cursor, "base64").toString() : "";
  let parts: unknown;
  try {
    parts = text.startsWith(PREFIX) ? JSON.parse(text.slice(PREFIX.length)) : null;
  } catch {}
  const [priorityRank, nextDueAt, createdAt, id] = Array.isArray(parts) && parts.length === 4 ? parts : [];
  const instant = (value: unknown) => Number.isSafeInteger(value) && Math.abs(value as number) < 8.64e15;
  if (!Number.isInteger(priorityRank) || !(nextDueAt === null || instant(nextDueAt)) || !instant(createdAt) || typeof id !== "string" || id.length > 100) {
    throw new ValidationError(
      field,
      `Not a cursor of this list (cursors handed out before keyset paging are no longer accepted): start again from the first page`,
    );
  }
  return { priorityRank, nextDueAt, createdAt, id };
}

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** The page the arguments ask for (one row more than shown: whether more follow). */
export function pageOf(args: ConnectionArgs): QueuePage {
  const { first, last, after, before } = args;
  if (first != null && first < 0) throw new ValidationError("first", "first must not be negative");
  if (last != null && last < 0) throw new ValidationError("last", "last must not be negative");
  if (after != null && before != null) throw new ValidationError("before", "Give after or before, not both");
  if (before != null && first != null) throw new ValidationError("first", "With before, page with last");
  if (after != null && last != null) throw new ValidationError("last", "With after, page with first");
  const size = Math.min(first ?? last ?? DEFAULT_SIZE, MAX_TICKET_PAGE);
  return {
    after: after == null ? null : decodeQueueCursor("after", after),
    before: before == null ? null : decodeQueueCursor("before", before),
    limit: size + 1,
    backward: before != null || last != null,
  };
}

/** The sort key, and what the Ticket type always selects (its read check). */
type Row = { id: string; priorityRank: number; nextDueAt: Date | null; createdAt: Date; accountId: string; account: { id: string; partnerId: string | null } };

/** Rows as the service returned them (backward: nearest the cursor first) turned into a connection, as Pothos' Prisma connections shape one. */
export function connectionOf<T extends Row>(rows: T[], args: ConnectionArgs, page: QueuePage, totalCount: () => Promise<number>) {
  const full = rows.length === page.limit;
  const shown = full ? rows.slice(0, -1) : rows;
  if (page.backward) shown.reverse();
  const edges = shown.map((node) => ({ cursor: encodeQueueCursor(queueKeyOf(node)), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: args.after != null ? true : page.backward ? full : false,
      hasNextPage: args.before != null ? true : args.last != null ? false : full,
    },
  };
}

/** The connection type's own fields: totalCount counts only when asked. */
export const TICKET_CONNECTION = {
  // biome-ignore lint/suspicious/noExplicitAny: Pothos's connection-object field builder; both connections (queue.tickets, tickets) share this
  fields: (t: any) => ({ totalCount: t.int({ nullable: false, resolve: (connection: { totalCount: () => Promise<number> }) => connection.totalCount() }) }),
};

const onlyCounts = (info: GraphQLResolveInfo) =>
  info.fieldNodes.every((node) =>
    node.selectionSet?.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === "totalCount" || s.name.value === "__typename")),
  );

/** Resolves a ticket connection over `filter` for `t.connection`: Pothos plans the rows' selection, the queue service reads them. */
export async function resolveTicketConnection(filter: TicketFilter | Promise<TicketFilter>, args: ConnectionArgs, ctx: Context, info: GraphQLResolveInfo) {
  const page = pageOf(args);
  const totalCount = async () => (await queueCounts(ctx, await filter)).total;
  if (onlyCounts(info)) return connectionOf([], args, page, totalCount);
  const query = await queryFromInfo({ context: ctx, info, typeName: "Ticket", select: SORT_KEY_SELECT, paths: [["nodes"], ["edges", "node"]] });
  const rows = await ctx.services.ticketQueues.tickets<Row>(ctx.viewer, await filter, page, query as object);
  if (ctx.cacheDependsOn) {
    // A forward first page with more after it only changes for tickets placed before its last one.
    const bound = !args.after && !page.backward && rows.length === page.limit ? queueKeyOf(rows.at(-2)!) : null;
    ctx.cacheDependsOn({ kind: "tickets", ticketIds: rows.map((row) => row.id), accountIds: rows.map((row) => row.accountId) });
    ctx.cacheDependsOn({ kind: "ticketList", list: { scope: accountScope(ctx.viewer), filter: normaliseFilter(await filter, "filter"), bound } });
  }
  return connectionOf(rows, args, page, totalCount);
}

/** A filter's counts; a cached answer showing them goes with any ticket change. */
export function queueCounts(ctx: Context, filter: TicketFilter): Promise<QueueCounts> {
  ctx.cacheDependsOn?.({ kind: "ticketCounts" });
  return ctx.services.ticketQueues.counts(ctx.viewer, filter);
}
