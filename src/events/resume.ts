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
type Deps = { prisma: PrismaClient; bus: EventBus };
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

/**
 * The events of `topics` after `position`: first those already numbered in the outbox, in order,
 * then live ones. Live delivery is listened to before the outbox is read, and anything at or below
 * the last replayed sequence is dropped, so the seam has neither a gap nor a repeat. The relay
 * publishes in sequence order (src/workers/outbox-relay.ts), which makes that rule exact.
 */
export async function eventsAfter<T extends TopicName>(
  deps: Deps,
  topics: T[],
  position: StreamPosition,
  markCaughtUp = false,
): Promise<AsyncIterableIterator<(Topics[T] & Sequenced) | CaughtUp>> {
  const live = Repeater.merge(topics.map((topic) => deps.bus.subscribe(topic))) as AsyncIterableIterator<Topics[T] & Sequenced>;
  if (position.after !== null) {
    const oldest = await oldestRetained(deps.prisma);
    if (oldest !== null && position.after < oldest - 1) {
      await live.return?.();
      throw new CursorExpiredError(cursorOf(position.key, oldest - 1));
    }
  }
  await deps.bus.ready();
  return new Repeater<(Topics[T] & Sequenced) | CaughtUp>(async (push, stop) => {
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
          await push(event);
        }
      }
    })();
    if (position.after !== null) {
      for (let page = PAGE; page === PAGE && !stopped; ) {
        const rows = await deps.prisma.outboxEvent.findMany({
          where: { topic: { in: topics }, sequence: { gt: last } },
          orderBy: { sequence: "asc" },
          take: PAGE,
          select: { payload: true, sequence: true, workspaceId: true },
        });
        page = rows.length;
        const pushed = rows.map((row) =>
          push({ ...(row.payload as object), workspaceId: row.workspaceId, sequence: Number(row.sequence) } as unknown as Topics[T] & Sequenced),
        );
        if (rows.length > 0) last = Number(rows.at(-1)!.sequence);
        await Promise.all(pushed);
        await new Promise((resolve) => setImmediate(resolve)); // a page at a time: live deliveries go in between
      }
    }
    while (held.length > 0) {
      for (const event of held.splice(0)) {
        if (event.sequence > last) {
          last = event.sequence;
          await push(event);
        }
      }
    }
    if (markCaughtUp && !stopped) void push({ caughtUp: true, sequence: last }); // queued in order, before anything live
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
  const events = await eventsAfter(deps, topics, position, caughtUp !== undefined);
  const mapped = async (batch: (Topics[T] & Sequenced)[]) => (batch.length ? map(batch) : []);
  return filterMapBatched(events, async (batch) => {
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
