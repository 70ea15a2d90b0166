import { canManageQueues } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { displayName } from "../account/domain/index.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.ts";
import { latestOverdueDue } from "../sla/domain/index.ts";
import { OPEN_TICKET_STATUSES, TICKET_STATUSES, type TicketStatus } from "../ticket/domain/index.ts";
import { SUPPORT_CHANNELS, type SupportChannel } from "../tier/domain/index.ts";
import { language } from "../tier/domain/index.ts";
import { tierCode } from "../tier/domain/index.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { selection } from "../../db/prisma-helpers.ts";
import { ticketScope } from "../ticket/index.ts";

/** Every criterion given must hold; a list matches one of its entries; an absent or empty one constrains nothing. */
export interface TicketFilter {
  /** default: the open statuses (NEW … ON_HOLD) */
  statuses?: TicketStatus[] | null;
  tierCodes?: string[] | null;
  priorityRanks?: number[] | null;
  channels?: SupportChannel[] | null;
  languages?: string[] | null;
  teamIds?: string[] | null;
  assigneeIds?: string[] | null;
  /** true: only unassigned tickets; false: only assigned ones */
  unassigned?: boolean | null;
  /** a running clock's due instant has passed */
  breached?: boolean | null;
  /** a running clock has used 75 % of its budget, none has breached yet */
  atRisk?: boolean | null;
}

export interface QueueCounts {
  total: number;
  byStatus: { status: TicketStatus; count: number }[];
  breached: number;
  atRisk: number;
  unassigned: number;
}

type QueueQuery = { select?: Prisma.QueueSelect };
const MAX_ENTRIES = 50;

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
  constructor(private readonly deps: ServiceDeps) {}

  /** A page of tickets in queue order; `query` carries Pothos' selection, take, skip and cursor. */
  tickets(viewer: Viewer, filter: TicketFilter, query: Prisma.TicketFindManyArgs = {}) {
    const where = this.where(viewer, normaliseFilter(filter, "filter"));
    return this.deps.prisma.ticket.findMany({ ...selection(query), where, orderBy: QUEUE_ORDER });
  }

  count(viewer: Viewer, filter: TicketFilter) {
    return this.deps.prisma.ticket.count({ where: this.where(viewer, normaliseFilter(filter, "filter")) });
  }

  async counts(viewer: Viewer, filter: TicketFilter): Promise<QueueCounts> {
    const now = this.deps.now();
    const where = this.where(viewer, normaliseFilter(filter, "filter"), now);
    const prisma = this.deps.prisma;
    const [groups, breached, atRisk, unassigned] = await Promise.all([
      prisma.ticket.groupBy({ by: ["status"], where, _count: { _all: true } }),
      prisma.ticket.count({ where: { AND: [where, breachedWhere(true, now)] } }),
      prisma.ticket.count({ where: { AND: [where, atRiskWhere(true, now)] } }),
      prisma.ticket.count({ where: { AND: [where, { assigneeId: null }] } }),
    ]);
    const counted = new Map(groups.map((group) => [group.status, group._count._all]));
    return {
      total: groups.reduce((sum, group) => sum + group._count._all, 0),
      byStatus: TICKET_STATUSES.map((status) => ({ status, count: counted.get(status) ?? 0 })),
      breached,
      atRisk,
      unassigned,
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
    return this.deps.prisma.queue.findMany({ ...selection(query), where: options.includeArchived ? {} : { archivedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }] });
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
        ticketScope(viewer),
        { status: { in: [...(filter.statuses?.length ? filter.statuses : OPEN_TICKET_STATUSES)] } },
        filter.tierCodes?.length ? { tier: { code: { in: filter.tierCodes } } } : {},
        { priorityRank: among(filter.priorityRanks), channel: among(filter.channels), language: among(filter.languages), teamId: among(filter.teamIds), assigneeId: among(filter.assigneeIds) },
        filter.unassigned == null ? {} : filter.unassigned ? { assigneeId: null } : { assigneeId: { not: null } },
        filter.breached == null ? {} : breachedWhere(filter.breached, now),
        filter.atRisk == null ? {} : atRiskWhere(filter.atRisk, now),
      ],
    };
  }
}

/** nextDueAt is the earliest due of a running clock: breached once it has passed (due-rule.ts), not at it. */
function breachedWhere(breached: boolean, now: Date): Prisma.TicketWhereInput {
  const overdue = new Date(latestOverdueDue(now.getTime()));
  return breached ? { nextDueAt: { lte: overdue } } : { OR: [{ nextDueAt: null }, { nextDueAt: { gt: overdue } }] };
}

function atRiskWhere(atRisk: boolean, now: Date): Prisma.TicketWhereInput {
  const risky = { atRiskAt: { lte: now }, nextDueAt: { gt: new Date(latestOverdueDue(now.getTime())) } };
  return atRisk ? risky : { NOT: risky };
}

/** Checks a filter and returns it canonical (codes upper-case, empty criteria dropped), as a saved queue stores it. */
export function normaliseFilter(filter: TicketFilter, field: string): TicketFilter {
  const list = <T>(name: keyof TicketFilter, values: readonly T[] | null | undefined, check: (value: T, path: string) => T): T[] | undefined => {
    if (!values?.length) return undefined;
    if (values.length > MAX_ENTRIES) throw new ValidationError(`${field}.${name}`, `${field}.${name} takes at most ${MAX_ENTRIES} entries`);
    return [...new Set(values.map((value, i) => check(value, `${field}.${name}.${i}`)))];
  };
  const oneOf = <T extends string>(allowed: readonly T[]) => (value: T, path: string) => {
    if (!allowed.includes(value)) throw new ValidationError(path, `${path} must be one of ${allowed.join(", ")}`);
    return value;
  };
  const id = (value: string, path: string) => {
    const trimmed = value.trim();
    if (!trimmed || trimmed.length > 100) throw new ValidationError(path, `${path} must be 1–100 characters`);
    return trimmed;
  };
  const rank = (value: number, path: string) => {
    if (!Number.isInteger(value) || value < 0 || value > 1000) throw new ValidationError(path, `${path} must be a whole number from 0 to 1000`);
    return value;
  };
  const normalised: TicketFilter = {
    statuses: list("statuses", filter.statuses, oneOf(TICKET_STATUSES)),
    tierCodes: list("tierCodes", filter.tierCodes, (value, path) => tierCode(path, value)),
    priorityRanks: list("priorityRanks", filter.priorityRanks, rank),
    channels: list("channels", filter.channels, oneOf(SUPPORT_CHANNELS)),
    languages: list("languages", filter.languages, (value, path) => language(path, value)),
    teamIds: list("teamIds", filter.teamIds, id),
    assigneeIds: list("assigneeIds", filter.assigneeIds, id),
    unassigned: filter.unassigned ?? undefined,
    breached: filter.breached ?? undefined,
    atRisk: filter.atRisk ?? undefined,
  };
  return Object.fromEntries(Object.entries(normalised).filter(([, value]) => value !== undefined)) as TicketFilter;
}

function assertManager(viewer: Viewer) {
  if (!canManageQueues(viewer)) throw new ForbiddenError("Only agents manage queues");
}
