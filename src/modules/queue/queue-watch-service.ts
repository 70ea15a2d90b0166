import { Repeater } from "graphql-yoga";
import type { Viewer } from "../../auth/viewer.ts";
import { ValidationError } from "../../domain/errors.ts";
import type { EventBus } from "../../events/bus.ts";
import { filterMapBatched } from "../../events/stream.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { visibleTicket } from "../ticket/index.ts";
import { QUEUE_ORDER, type TicketFilter, type TicketQueueService } from "./ticket-queue-service.ts";

export type QueueChangeKind = "SNAPSHOT" | "TICKET_ADDED" | "TICKET_UPDATED" | "TICKET_REMOVED";

/** One event of a live queue: the first is the snapshot (the first page, in order). */
export interface QueueChange {
  kind: QueueChangeKind;
  sequence: number;
  /** SNAPSHOT: the first page's ticket ids in queue order */
  ticketIds: string[];
  /** changes: the ticket, and its 1-based place in the queue (null once removed) */
  ticketId: string | null;
  position: number | null;
  filter: TicketFilter;
}

type Placed = { id: string; priorityRank: number; nextDueAt: Date | null; createdAt: Date };
const PLACE = { id: true, priorityRank: true, nextDueAt: true, createdAt: true } as const;
export const MAX_SNAPSHOT = 200;

/** Ticket ids whose queue membership or place may have changed: writes, and alerts (time-based filters). */
function ticketSignals(bus: EventBus) {
  return Repeater.merge([bus.subscribe("ticketChanged"), bus.subscribe("slaAlertFired")]);
}

/** Everything ordered before `t` in the queue order (priority desc, due asc nulls last, arrival, id). */
function before(t: Placed): Prisma.TicketWhereInput {
  const arrival: Prisma.TicketWhereInput = { OR: [{ createdAt: { lt: t.createdAt } }, { createdAt: t.createdAt, id: { lt: t.id } }] };
  const due: Prisma.TicketWhereInput =
    t.nextDueAt === null
      ? { OR: [{ nextDueAt: { not: null } }, { nextDueAt: null, ...arrival }] }
      : { OR: [{ nextDueAt: { lt: t.nextDueAt } }, { nextDueAt: t.nextDueAt, ...arrival }] };
  return { OR: [{ priorityRank: { gt: t.priorityRank } }, { priorityRank: t.priorityRank, ...due }] };
}

/** Live queues: a snapshot, then every ticket that enters, moves in or leaves the queue, with its place. */
export class QueueWatchService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly queues: TicketQueueService,
  ) {}

  async watch(viewer: Viewer, source: { queueId?: string | null; filter?: TicketFilter | null; first?: number | null }): Promise<AsyncIterableIterator<QueueChange>> {
    const first = source.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_SNAPSHOT) throw new ValidationError("first", `first must be 1–${MAX_SNAPSHOT}`);
    const filter = await this.queues.filterOf(viewer, source);
    const signals = ticketSignals(this.deps.bus); // listening before the snapshot is read: nothing falls between
    const where = () => this.queues.where(viewer, filter);
    const [members, page, last] = await Promise.all([
      this.deps.prisma.ticket.findMany({ where: where(), select: { id: true } }),
      this.deps.prisma.ticket.findMany({ where: where(), select: { id: true }, orderBy: QUEUE_ORDER, take: first }),
      this.deps.prisma.outboxEvent.aggregate({ _max: { sequence: true } }),
    ]);
    const inQueue = new Set(members.map((m) => m.id));
    const snapshot: QueueChange = { kind: "SNAPSHOT", sequence: Number(last._max.sequence ?? 0), ticketIds: page.map((p) => p.id), ticketId: null, position: null, filter };
    const changes = filterMapBatched(signals, async (events) => {
      const ids = [...new Set(events.map((e) => e.ticketId))];
      const placed = await this.deps.prisma.ticket.findMany({ where: { AND: [where(), { id: { in: ids } }] }, select: PLACE });
      const now = new Map(placed.map((t) => [t.id, t]));
      const sequence = Math.max(...events.map((e) => e.sequence));
      return Promise.all(
        ids.map(async (id) => {
          const ticket = now.get(id);
          const was = inQueue.has(id);
          if (!ticket && !was) return null;
          if (!ticket) {
            inQueue.delete(id);
            return { kind: "TICKET_REMOVED", sequence, ticketIds: [], ticketId: id, position: null, filter } satisfies QueueChange;
          }
          inQueue.add(id);
          const position = (await this.deps.prisma.ticket.count({ where: { AND: [where(), before(ticket)] } })) + 1;
          return { kind: was ? "TICKET_UPDATED" : "TICKET_ADDED", sequence, ticketIds: [], ticketId: id, position, filter } satisfies QueueChange;
        }),
      );
    });
    return new Repeater<QueueChange>(async (push, stop) => {
      await push(snapshot);
      void stop.then(() => changes.return?.());
      for await (const change of changes) await push(change);
      stop();
    });
  }

  /** Updates of one ticket the viewer may see: writes and alerts (each delivery re-reads it). */
  async ticketUpdates(viewer: Viewer, ticketId: string) {
    await visibleTicket(this.deps.prisma, viewer, ticketId, "id");
    return filterMapBatched(ticketSignals(this.deps.bus), async (events) =>
      events.map((event) =>
        event.ticketId === ticketId ? { ticketId, sequence: event.sequence, kind: "alertId" in event ? ("SLA_ALERT" as const) : event.kind } : null,
      ),
    );
  }
}
