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
  const waiting: ((value: T) => void)[] = [];
  let failure: unknown;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        const item = value as T;
        const waiter = waiting.shift();
        if (waiter) waiter(item);
        else buffered.push(item);
      },
      error: (error) => (failure = error),
      complete: () => {},
    },
  );
  return {
    next(timeoutMs = 5_000) {
      if (failure) return Promise.reject(failure);
      const ready = buffered.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms${failure ? `: ${JSON.stringify(failure)}` : ""}`)), timeoutMs);
        waiting.push((value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
    },
    close: dispose,
  };
}
