import { Repeater } from "graphql-yoga";

/**
 * Maps the events of `source` through `fn`, dropping nulls. `fn` gets every event that arrived
 * since its last call, so a burst costs one read instead of one per event; order is kept. Built on
 * Repeater so that `return()` (a client unsubscribing) ends the stream at once, even while waiting.
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
        for (const out of await fn(batch)) if (out !== null && !stopped) await push(out);
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
