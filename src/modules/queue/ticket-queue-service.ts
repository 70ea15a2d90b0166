import { accountScope, canManageQueues } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { displayName } from "../account/domain/index.ts";
import { ForbiddenError, NotFoundError } from "../../domain/errors.ts";
import { latestOverdueDue } from "../sla/domain/index.ts";
import { OPEN_TICKET_STATUSES, TICKET_STATUSES, type TicketStatus } from "../ticket/domain/index.ts";
import { normaliseFilter, type TicketFilter, type TicketPlace } from "./domain/index.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { selection } from "../../db/prisma-helpers.ts";
import { scopeWhere } from "../../db/scope-where.ts";
import { type QueuePage, queueConditions, queuePageClauses, queuePositionsSql, SqlParams } from "./queue-sql.ts";
import { SharedCounts } from "./shared-counts.ts";
import { reviveRow, ticketJsonSql } from "./ticket-page-sql.ts";

export interface QueueCounts {
  total: number;
  byStatus: { status: TicketStatus; count: number }[];
  breached: number;
  atRisk: number;
  unassigned: number;
}

type QueueQuery = { select?: Prisma.QueueSelect };

/**
 * The queue order, in SQL: higher priority rank first, then the earliest due instant of a running
 * clock (tickets without one last), then first come, first served — arrival, then id.
 */
export const QUEUE_ORDER: Prisma.TicketOrderByWithRelationInput[] = [
  { priorityRank: "desc" },
  { nextDueAt: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
  { id: "asc" },
];

/** Ad-hoc ticket lists and saved queues, filtered, ordered and counted in SQL. */
export class TicketQueueService {
  private readonly shared: SharedCounts<QueueCounts>;

  /** `countsMs`: how long counts of one scope and filter are shared (SharedCounts). */
  constructor(
    private readonly deps: ServiceDeps,
    countsMs = 0,
  ) {
    this.shared = new SharedCounts(countsMs, deps.now);
  }

  /**
   * A page of tickets in queue order (backward pages nearest the cursor first), read from the queue
   * order index from the cursor on; `query` is Pothos' selection. A selection ticketJsonSql covers
   * is one statement; any other reads the page's ids, then the rows with Prisma.
   */
  async tickets<T extends Record<string, unknown>>(
    viewer: Viewer,
    filter: TicketFilter,
    page: QueuePage,
    query: { select?: object; include?: object } = {},
  ): Promise<T[]> {
    const statement = ticketPageStatement(viewer, normaliseFilter(filter, "filter"), this.deps.now(), page, query);
    const rows = await this.deps.sql<{ row: Record<string, unknown> }>(statement.sql, statement.values);
    const { json } = statement;
    if (json) return rows.map(({ row }) => reviveRow<T>(row, json.part));
    const ids = rows.map(({ row }) => row.id as string);
    const loaded = await this.deps.prisma.ticket.findMany({ ...withSortKey(query), where: { id: { in: ids } } });
    const byId = new Map(loaded.map((ticket) => [ticket.id, ticket as unknown as T]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  /** The 1-based places of the tickets `ids` in the queue of a normalised filter, now, in one statement (not every id need be in it). */
  async positions(viewer: Viewer, filter: TicketFilter, ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const params = new SqlParams();
    const sql = queuePositionsSql(queueConditions(viewer, filter, this.deps.now(), params), ids, params);
    const rows = await this.deps.sql<{ id: string; position: number }>(sql, params.values);
    return new Map(rows.map((row) => [row.id, Number(row.position)]));
  }

  /** A ticket as it is now, for the response cache to decide which cached lists it enters; null once gone. */
  async place(ticketId: string): Promise<TicketPlace | null> {
    const [row] = await this.deps.sql<Record<string, unknown>>(
      `SELECT t.id, t.status::text AS status, t."priorityRank", t.channel::text AS channel, t.language, t."teamId", t."assigneeId", t."accountId",
         a."partnerId", r.code AS "tierCode", ${["nextDueAt", "createdAt", "atRiskAt"].map((c) => `(extract(epoch from t."${c}") * 1000)::float8 AS "${c}"`).join(", ")}
       FROM "Ticket" t JOIN "Account" a ON a.id = t."accountId" LEFT JOIN "Tier" r ON r.id = t."tierId" WHERE t.id = $1`,
      [ticketId],
      { prepare: true },
    );
    return (row as unknown as TicketPlace | undefined) ?? null;
  }

  async count(viewer: Viewer, filter: TicketFilter): Promise<number> {
    return (await this.counts(viewer, filter)).total;
  }

  /** All counts of a filter in one statement, shared per workspace, scope and filter (SharedCounts). */
  counts(viewer: Viewer, filter: TicketFilter): Promise<QueueCounts> {
    const normalised = normaliseFilter(filter, "filter");
    return this.shared.get(JSON.stringify([viewer.workspaceId, accountScope(viewer), normalised]), () => this.countNow(viewer, normalised));
  }

  private async countNow(viewer: Viewer, filter: TicketFilter): Promise<QueueCounts> {
    const params = new SqlParams();
    const where = queueConditions(viewer, filter, this.deps.now(), params).join(" AND ");
    const at = params.instant(this.deps.now());
    const overdue = params.instant(new Date(latestOverdueDue(this.deps.now().getTime())));
    const groups = await this.deps.sql<{ status: TicketStatus; n: number; breached: number; atRisk: number; unassigned: number }>(
      `SELECT t.status::text AS status, count(*)::int AS n,
         (count(*) FILTER (WHERE t."nextDueAt" <= ${overdue}))::int AS breached,
         (count(*) FILTER (WHERE t."atRiskAt" <= ${at} AND t."nextDueAt" > ${overdue}))::int AS "atRisk",
         (count(*) FILTER (WHERE t."assigneeId" IS NULL))::int AS unassigned
       FROM "Ticket" t WHERE ${where} GROUP BY t.status`,
      params.values,
    );
    const counted = new Map(groups.map((group) => [group.status, group.n]));
    const sum = (key: "n" | "breached" | "atRisk" | "unassigned") => groups.reduce((total, group) => total + group[key], 0);
    return {
      total: sum("n"),
      byStatus: TICKET_STATUSES.map((status) => ({ status, count: counted.get(status) ?? 0 })),
      breached: sum("breached"),
      atRisk: sum("atRisk"),
      unassigned: sum("unassigned"),
    };
  }

  async queueCreate(viewer: Viewer, input: { name: string; filter: TicketFilter }, query: QueueQuery = {}) {
    assertManager(viewer);
    const data = { name: displayName("name", input.name), filter: normaliseFilter(input.filter, "filter") as Prisma.InputJsonValue };
    return this.deps.prisma.queue.create({ ...selection(query), data });
  }

  /** What is given replaces; the filter as a whole. */
  async queueUpdate(viewer: Viewer, input: { id: string; name?: string | null; filter?: TicketFilter | null }, query: QueueQuery = {}) {
    assertManager(viewer);
    await this.requireQueue(input.id);
    const data = {
      ...(input.name != null ? { name: displayName("name", input.name) } : {}),
      ...(input.filter != null ? { filter: normaliseFilter(input.filter, "filter") as Prisma.InputJsonValue } : {}),
    };
    return this.deps.prisma.queue.update({ ...selection(query), where: { id: input.id }, data });
  }

  async queueArchive(viewer: Viewer, input: { id: string }, query: QueueQuery = {}) {
    assertManager(viewer);
    const queue = await this.requireQueue(input.id);
    return this.deps.prisma.queue.update({ ...selection(query), where: { id: queue.id }, data: { archivedAt: queue.archivedAt ?? this.deps.now() } });
  }

  queues(viewer: Viewer, options: { includeArchived?: boolean | null }, query: Prisma.QueueFindManyArgs = {}) {
    assertManager(viewer);
    return this.deps.prisma.queue.findMany({
      ...selection(query),
      where: options.includeArchived ? {} : { archivedAt: null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
  }

  /** The filter of a saved queue (a NotFoundError on `field` when there is none), or an ad-hoc one checked. */
  async filterOf(viewer: Viewer, source: { queueId?: string | null; filter?: TicketFilter | null }, field = "queueId"): Promise<TicketFilter> {
    if (!source.queueId) return normaliseFilter(source.filter ?? {}, "filter");
    assertManager(viewer);
    const queue = await this.deps.prisma.queue.findUnique({ where: { id: source.queueId }, select: { filter: true } });
    if (!queue) throw new NotFoundError(field, "No queue with this id");
    return queue.filter as TicketFilter;
  }

  queue(viewer: Viewer, id: string, query: QueueQuery = {}) {
    assertManager(viewer);
    return this.deps.prisma.queue.findUnique({ ...selection(query), where: { id } });
  }

  private async requireQueue(id: string) {
    const queue = await this.deps.prisma.queue.findUnique({ where: { id } });
    if (!queue) throw new NotFoundError("id", "No queue with this id");
    return queue;
  }

  /** The tickets of a (normalised) filter the viewer may see, at `now`, as a Prisma filter. */
  where(viewer: Viewer, filter: TicketFilter, now = this.deps.now()): Prisma.TicketWhereInput {
    const among = <T>(values: readonly T[] | null | undefined) => (values?.length ? { in: [...values] } : undefined);
    return {
      AND: [
        scopeWhere(viewer, "account"),
        { status: { in: [...(filter.statuses?.length ? filter.statuses : OPEN_TICKET_STATUSES)] } },
        filter.tierCodes?.length ? { tier: { code: { in: filter.tierCodes } } } : {},
        {
          priorityRank: among(filter.priorityRanks),
          channel: among(filter.channels),
          language: among(filter.languages),
          teamId: among(filter.teamIds),
          assigneeId: among(filter.assigneeIds),
        },
        filter.unassigned == null ? {} : filter.unassigned ? { assigneeId: null } : { assigneeId: { not: null } },
        filter.breached == null ? {} : breachedWhere(filter.breached, now),
        filter.atRisk == null ? {} : atRiskWhere(filter.atRisk, now),
      ],
    };
  }
}

/**
 * The statement of one page of a normalised filter: the rows as JSON when ticketJsonSql covers the
 * selection (`json` says how to revive them), else just their ids.
 */
export function ticketPageStatement(viewer: Viewer, filter: TicketFilter, now: Date, page: QueuePage, query: { select?: object; include?: object }) {
  const params = new SqlParams();
  const keyset = queuePageClauses(page, params);
  const where = [...queueConditions(viewer, filter, now, params), ...keyset.conditions].join(" AND ");
  const json = ticketJsonSql(query as Record<string, unknown>);
  const sql = `SELECT ${json?.sql ?? "json_build_object('id', t.id)"} AS row FROM "Ticket" t WHERE ${where} ORDER BY ${keyset.orderBy} LIMIT ${params.add(page.limit, "::int")}`;
  return { sql, values: params.values, json };
}

/** A selection that also reads the queue order's columns (a cursor is made of them). */
function withSortKey(query: { select?: object; include?: object }): object {
  if (!query.select) return selection(query as Prisma.TicketFindManyArgs);
  return { select: { ...query.select, id: true, priorityRank: true, nextDueAt: true, createdAt: true } };
}

function breachedWhere(breached: boolean, now: Date): Prisma.TicketWhereInput {
  const overdue = new Date(latestOverdueDue(now.getTime()));
  return breached ? { nextDueAt: { lte: overdue } } : { OR: [{ nextDueAt: null }, { nextDueAt: { gt: overdue } }] };
}

function atRiskWhere(atRisk: boolean, now: Date): Prisma.TicketWhereInput {
  const risky = { atRiskAt: { lte: now }, nextDueAt: { gt: new Date(latestOverdueDue(now.getTime())) } };
  return atRisk ? risky : { NOT: risky };
}

function assertManager(viewer: Viewer) {
  if (!canManageQueues(viewer)) throw new ForbiddenError("Only agents manage queues");
}
