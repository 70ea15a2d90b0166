/**
 * `source`, with each of its steps (next, return, throw) run by `within`: keeps an async context (a
 * workspace scope, a request id) for the steps a consumer elsewhere drives, e.g. a subscription's events.
 */
export function iterateWithin<T>(within: <R>(work: () => Promise<R>) => Promise<R>, source: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  return {
    next: (...args) => within(() => source.next(...args)),
    return: (value) => within(async () => source.return?.(value) ?? { done: true as const, value }),
    throw: (error) => within(async () => source.throw?.(error) ?? Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
