import { Repeater } from "graphql-yoga";
import type { Viewer } from "../../auth/viewer.ts";
import { ValidationError } from "../../domain/errors.ts";
import { cursorOf, streamPosition } from "../../events/cursor.ts";
import { resumable } from "../../events/resume.ts";
import type { InBurst } from "../../events/burst.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { visibleTicket } from "../ticket/index.ts";
import { accountScope } from "../../auth/policy.ts";
import { scopeWhere } from "../../db/scope-where.ts";
import { QUEUE_ORDER, type TicketQueueService } from "./ticket-queue-service.ts";
import { changeMayConcern, type TicketFilter } from "./domain/index.ts";

export type QueueChangeKind = "SNAPSHOT" | "TICKET_ADDED" | "TICKET_UPDATED" | "TICKET_REMOVED" | "RESUMED";

/** One event of a live queue: the first is the snapshot (the first page, in order), or after a resume's replay RESUMED. */
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

export const MAX_SNAPSHOT = 200;

/** Live queues: a snapshot, then every ticket that enters, moves in or leaves the queue, with its place. */
export class QueueWatchService {
  /** Changed tickets live queues looked up again to place them, one per queue and ticket; what `changeMayConcern` skips is never counted (nor read). */
  ticketsReEvaluated = 0;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly queues: TicketQueueService,
  ) {}

  /**
   * Without `after`: a snapshot, then every change from the snapshot's position on. With `after`
   * (a cursor of the same queue): no snapshot; the changes since the cursor, re-read as the tickets
   * are now, then RESUMED (caught up), then live ones. A replayed change may name a ticket the client does not hold
   * (TICKET_UPDATED: place it) or never held (TICKET_REMOVED: ignore it).
   */
  async watch(
    viewer: Viewer,
    source: { queueId?: string | null; filter?: TicketFilter | null; first?: number | null; after?: string | null },
  ): Promise<AsyncIterableIterator<QueueChange & { cursor: string }>> {
    const first = source.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_SNAPSHOT) throw new ValidationError("first", `first must be 1–${MAX_SNAPSHOT}`);
    const position = streamPosition("queueChanged", { queueId: source.queueId, filter: source.filter }, viewer, source.after);
    const filter = await this.queues.filterOf(viewer, source);
    const where = () => this.queues.where(viewer, filter);
    const [members, page, last] = await Promise.all([
      this.deps.prisma.ticket.findMany({ where: where(), select: { id: true } }),
      position.after === null ? this.deps.prisma.ticket.findMany({ where: where(), select: { id: true }, orderBy: QUEUE_ORDER, take: first }) : [],
      this.deps.prisma.outboxEvent.aggregate({ _max: { sequence: true } }),
    ]);
    const head = Number(last._max.sequence ?? 0);
    const inQueue = new Set(members.map((m) => m.id));
    const replayedUpTo = position.after === null ? -1 : head;
    const snapshot =
      position.after === null ? { kind: "SNAPSHOT" as const, sequence: head, ticketIds: page.map((p) => p.id), ticketId: null, position: null, filter } : null;
    if (position.after === null) position.after = head; // what commits while the snapshot is sent comes next
    const scope = accountScope(viewer);
    const changes = await resumable<"ticketChanged" | "slaAlertFired", QueueChange>(
      this.deps,
      ["ticketChanged", "slaAlertFired"],
      position,
      async (burst) => {
        const events = burst.filter((event) => changeMayConcern(scope, event, inQueue));
        if (events.length === 0) return [];
        // Each change carries its own ticket's last sequence, in that order: a cursor taken after any
        // change of the burst resumes before the changes that follow it, never past them.
        const lastOf = new Map<string, number>();
        for (const event of events) lastOf.set(event.ticketId, Math.max(lastOf.get(event.ticketId) ?? 0, event.sequence));
        const ids = [...lastOf.keys()].sort((a, b) => lastOf.get(a)! - lastOf.get(b)!);
        this.ticketsReEvaluated += ids.length;
        const replayed = new Set(events.filter((e) => e.sequence <= replayedUpTo).map((e) => e.ticketId));
        // One read each, however many events the burst holds: which are in the queue now, their
        // places, and (for a replay) which the viewer may see at all.
        const [placed, positions, readable] = await Promise.all([
          this.deps.prisma.ticket.findMany({ where: { AND: [where(), { id: { in: ids } }] }, select: { id: true } }),
          this.queues.positions(viewer, filter, ids),
          // any status: a ticket solved while the client was away is one it may still show
          replayed.size
            ? this.deps.prisma.ticket.findMany({ where: { AND: [scopeWhere(viewer, "account"), { id: { in: [...replayed] } }] }, select: { id: true } })
            : [],
        ]);
        const inQueueNow = new Set(placed.map((t) => t.id));
        const mayHaveHeld = new Set(readable.map((t) => t.id));
        return ids.map((id): QueueChange | null => {
          const was = inQueue.has(id) || mayHaveHeld.has(id);
          if (!inQueueNow.has(id)) {
            if (!was) return null;
            inQueue.delete(id);
            return { kind: "TICKET_REMOVED", sequence: lastOf.get(id)!, ticketIds: [], ticketId: id, position: null, filter };
          }
          const kind = inQueue.has(id) || replayed.has(id) ? "TICKET_UPDATED" : "TICKET_ADDED";
          inQueue.add(id);
          return { kind, sequence: lastOf.get(id)!, ticketIds: [], ticketId: id, position: positions.get(id)!, filter };
        });
      },
      source.after ? (sequence) => ({ kind: "RESUMED", sequence, ticketIds: [], ticketId: null, position: null, filter }) : undefined,
    );
    return new Repeater<QueueChange & { cursor: string }>(async (push, stop) => {
      if (snapshot) await push({ ...snapshot, cursor: cursorOf(position.key, snapshot.sequence) });
      void stop.then(() => changes.return?.());
      for await (const change of changes) await push(change);
      stop();
    });
  }

  /** The queue's counts as a change is delivered: read once for all the changes of its burst. */
  counts(viewer: Viewer, change: InBurst<Pick<QueueChange, "filter">>) {
    const read = () => this.queues.counts(viewer, change.filter);
    return change.burst ? change.burst.once("counts", read) : read();
  }

  /** Updates of one ticket the viewer may see: writes and alerts (each delivery re-reads it); after the cursor `after`, then live. */
  async ticketUpdates(viewer: Viewer, ticketId: string, after?: string | null) {
    await visibleTicket(this.deps.prisma, viewer, ticketId, "id");
    const position = streamPosition("ticketUpdates", { ticketId }, viewer, after);
    return resumable(this.deps, ["ticketChanged", "slaAlertFired"], position, async (events) =>
      events.map((event) =>
        event.ticketId === ticketId ? { ticketId, sequence: event.sequence, kind: "alertId" in event ? ("SLA_ALERT" as const) : event.kind } : null,
      ),
    );
  }
}
