import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

export interface Subscription<T = any> {
  /** The next event, or a failure after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T>;
  close(): void;
}

export function wsClient(url: string, token?: string, extra: Partial<Parameters<typeof createClient>[0]> = {}): Client {
  return createClient({
    url: `${url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    ...extra,
  });
}

/** Subscribes and buffers events; resolves once the server acknowledged the connection. */
export function subscribe<T = any>(client: Client, query: string, variables?: Record<string, unknown>): Subscription<T> {
  const buffered: T[] = [];
  const waiting: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  let failure: unknown;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        const item = value as T;
        const waiter = waiting.shift();
        if (waiter) waiter.resolve(item);
        else buffered.push(item);
      },
      error: (error) => {
        failure = error;
        for (const waiter of waiting.splice(0)) waiter.reject(error);
      },
      complete: () => {},
    },
  );
  return {
    /** The next event; the timeout only names the failure sooner than the test's own (a busy machine can pause for seconds). */
    next(timeoutMs = 60_000) {
      const ready = buffered.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      });
    },
    close: dispose,
  };
}
