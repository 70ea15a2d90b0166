import { Repeater } from "graphql-yoga";

/**
 * Maps each event through `fn`, dropping nulls. Built on Repeater so that `return()` (a client
 * unsubscribing) ends the stream at once, even while waiting for the next event.
 */
export function filterMap<T, U>(source: AsyncIterableIterator<T>, fn: (item: T) => Promise<U | null>): AsyncIterableIterator<U> {
  return new Repeater<U>(async (push, stop) => {
    let stopped = false;
    void stop.then(() => {
      stopped = true;
      void source.return?.();
    });
    for await (const item of source) {
      if (stopped) break;
      const out = await fn(item);
      if (out !== null && !stopped) await push(out);
    }
    stop();
  });
}
