import { Repeater } from "graphql-yoga";

/**
 * How long a stream may go on delivering before it rests: a replay of thousands of events (or any
 * long burst) is executed and sent in slices of about this long, each followed by a rest as long,
 * so a catching-up subscriber takes at most about half of the process and everything else (live
 * deliveries, requests, database answers) runs in between at its usual pace, not one slice per hop.
 */
export const DELIVERY_SLICE_MS = 2;

const rest = () => new Promise<void>((resolve) => setTimeout(resolve, DELIVERY_SLICE_MS));

/**
 * Maps the events of `source` through `fn`, dropping nulls. `fn` gets every event that arrived
 * since its last call, so a burst costs one read instead of one per event; order is kept. Built on
 * Repeater so that `return()` (a client unsubscribing) ends the stream at once, even while waiting.
 * `push` resolves once the consumer asks for the next delivery, i.e. once the previous one was
 * executed and sent; after DELIVERY_SLICE_MS of that, the stream rests as long before it
 * delivers more.
 */
export function filterMapBatched<T, U>(source: AsyncIterableIterator<T>, fn: (items: T[]) => Promise<(U | null)[]>): AsyncIterableIterator<U> {
  return new Repeater<U>(async (push, stop) => {
    let stopped = false;
    let pending: T[] = [];
    let flushing: Promise<void> = Promise.resolve();
    const flush = () => {
      const batch = pending;
      pending = [];
      flushing = flushing.then(async () => {
        if (stopped || batch.length === 0) return;
        const outs = await fn(batch);
        let slice = performance.now(); // from here: what fn waited for was not delivering
        for (const out of outs) {
          if (out === null || stopped) continue;
          if (performance.now() - slice > DELIVERY_SLICE_MS) {
            await rest();
            if (stopped) return;
            slice = performance.now();
          }
          await push(out);
        }
      });
    };
    void stop.then(() => {
      stopped = true;
      void source.return?.();
    });
    for await (const item of source) {
      if (stopped) break;
      if (pending.push(item) === 1) setImmediate(flush);
    }
    flush();
    await flushing;
    stop();
  });
}

/** filterMapBatched for a mapping of one event at a time. */
export function filterMap<T, U>(source: AsyncIterableIterator<T>, fn: (item: T) => Promise<U | null>): AsyncIterableIterator<U> {
  return filterMapBatched(source, (items) => Promise.all(items.map(fn)));
}
