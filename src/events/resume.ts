import { Repeater } from "graphql-yoga";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { EventBus } from "./bus.ts";
import { Burst } from "./burst.ts";
import { CursorExpiredError, cursorOf, type StreamPosition } from "./cursor.ts";
import { filterMapBatched } from "./stream.ts";
import type { TopicName, Topics } from "./topics.ts";

type Sequenced = { sequence: number };
/** Marks the end of a resume's replay: every missed event was delivered; what follows is live. */
export type CaughtUp = { caughtUp: true; sequence: number };
const isCaughtUp = (event: object): event is CaughtUp => "caughtUp" in event;
type Deps = { prisma: PrismaClient; bus: EventBus; replayPage?: number };
const PAGE = 500;

/** The oldest sequence still in the outbox: replay can reach back to just before it. */
async function oldestRetained(prisma: PrismaClient): Promise<number | null> {
  const oldest = await prisma.outboxEvent.aggregate({ _min: { sequence: true } });
  return oldest._min.sequence === null ? null : Number(oldest._min.sequence);
}

/** The position of the first event of `topics` committed at or after `since` (for a fresh screen). */
export async function positionSince(prisma: PrismaClient, topics: TopicName[], since: Date): Promise<number> {
  const first = await prisma.outboxEvent.findFirst({
    where: { topic: { in: topics }, createdAt: { gte: since }, sequence: { not: null } },
    orderBy: { sequence: "asc" },
  });
  if (first?.sequence != null) return Number(first.sequence) - 1;
  const last = await prisma.outboxEvent.aggregate({ _max: { sequence: true } });
  return Number(last._max.sequence ?? 0);
}

/** Events in order, as they come: a page of a replay at once, live ones one by one. */
type Batch<E> = E[];

/**
 * The events of `topics` after `position`: first those already numbered in the outbox, in order,
 * then live ones. Live delivery is listened to before the outbox is read, and anything at or below
 * the last replayed sequence is dropped, so the seam has neither a gap nor a repeat. The relay
 * publishes in sequence order (src/workers/outbox-relay.ts), which makes that rule exact.
 * A replayed page is handed on as one batch, not as hundreds of single pushes, so reading a page
 * costs the event loop one short turn (the deliveries are then spread out by filterMapBatched).
 * With `pace`, the next page is read only once `pace(last sequence pushed)` resolves (the consumer
 * has taken the page up): a replay reads one page ahead of its delivery, not the whole backlog.
 */
export async function eventsAfter<T extends TopicName>(
  deps: Deps,
  topics: T[],
  position: StreamPosition,
  markCaughtUp = false,
  pace?: (sequence: number) => Promise<void>,
): Promise<AsyncIterableIterator<Batch<(Topics[T] & Sequenced) | CaughtUp>>> {
  const pageSize = deps.replayPage ?? PAGE;
  const live = Repeater.merge(topics.map((topic) => deps.bus.subscribe(topic))) as AsyncIterableIterator<Topics[T] & Sequenced>;
  if (position.after !== null) {
    const oldest = await oldestRetained(deps.prisma);
    if (oldest !== null && position.after < oldest - 1) {
      await live.return?.();
      throw new CursorExpiredError(cursorOf(position.key, oldest - 1));
    }
  }
  await deps.bus.ready();
  return new Repeater<Batch<(Topics[T] & Sequenced) | CaughtUp>>(async (push, stop) => {
    const held: (Topics[T] & Sequenced)[] = [];
    let replaying = true;
    let last = position.after ?? -1;
    let stopped = false;
    void stop.then(() => {
      stopped = true;
      void live.return?.();
    });
    const listening = (async () => {
      for await (const event of live) {
        if (replaying) held.push(event);
        else if (event.sequence > last) {
          last = event.sequence;
          await push([event]);
        }
      }
    })();
    if (position.after !== null) {
      for (let page = pageSize; page === pageSize && !stopped; ) {
        const rows = await deps.prisma.outboxEvent.findMany({
          where: { topic: { in: topics }, sequence: { gt: last } },
          orderBy: { sequence: "asc" },
          take: pageSize,
          select: { payload: true, sequence: true, workspaceId: true },
        });
        page = rows.length;
        if (rows.length === 0) break;
        last = Number(rows.at(-1)!.sequence);
        await push(
          rows.map((row) => ({ ...(row.payload as object), workspaceId: row.workspaceId, sequence: Number(row.sequence) }) as unknown as Topics[T] & Sequenced),
        );
        await new Promise((resolve) => setImmediate(resolve)); // a page at a time: live deliveries go in between
        if (pace && page === pageSize) await Promise.race([pace(last), stop]);
      }
    }
    while (held.length > 0) {
      const fresh: (Topics[T] & Sequenced)[] = [];
      for (const event of held.splice(0)) {
        if (event.sequence > last) {
          last = event.sequence;
          fresh.push(event);
        }
      }
      if (fresh.length > 0) await push(fresh);
    }
    if (markCaughtUp && !stopped) void push([{ caughtUp: true, sequence: last }]); // queued in order, before anything live
    replaying = false; // no await since the last check: nothing live can overtake what was held
    await listening;
    stop();
  });
}

/**
 * A resumable subscription: `map` turns a burst of events into deliveries, each given its cursor
 * and the burst it came in (fields read their rows a burst at a time: src/events/burst.ts).
 * With `caughtUp`, the end of the replay is delivered too (as `caughtUp` makes it), between the
 * last replayed event and the first live one.
 */
export async function resumable<T extends TopicName, U extends Sequenced>(
  deps: Deps,
  topics: T[],
  position: StreamPosition,
  map: (events: (Topics[T] & Sequenced)[]) => Promise<(U | null)[]>,
  caughtUp?: (sequence: number) => U,
): Promise<AsyncIterableIterator<U & { cursor: string; burst: Burst<U> }>> {
  // The replay reads its next page once the previous one is being mapped and delivered.
  let taken = -1;
  let waiting: { upTo: number; resolve: () => void } | null = null;
  const pace = (upTo: number) => (taken >= upTo ? Promise.resolve() : new Promise<void>((resolve) => (waiting = { upTo, resolve })));
  const events = await eventsAfter(deps, topics, position, caughtUp !== undefined, pace);
  const mapped = async (batch: (Topics[T] & Sequenced)[]) => (batch.length ? map(batch) : []);
  return filterMapBatched(events, async (batches) => {
    const batch = batches.flat();
    taken = Math.max(taken, batch.at(-1)?.sequence ?? -1);
    if (waiting && waiting.upTo <= taken) {
      waiting.resolve();
      waiting = null;
    }
    const at = batch.findIndex(isCaughtUp);
    const out =
      at < 0
        ? await mapped(batch as (Topics[T] & Sequenced)[])
        : [
            ...(await mapped(batch.slice(0, at) as (Topics[T] & Sequenced)[])),
            caughtUp!(batch[at]!.sequence),
            ...(await mapped(batch.slice(at + 1) as (Topics[T] & Sequenced)[])),
          ];
    const deliveries = out.filter((delivery) => delivery !== null);
    const burst = new Burst(deliveries);
    return out.map((delivery) => delivery && { ...delivery, cursor: cursorOf(position.key, delivery.sequence), burst });
  });
}
