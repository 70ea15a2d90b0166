import { createClient, type Client } from "graphql-ws";
import { connectionParams, type Session } from "./session.ts";

/** live: connected; connecting: first attempt; reconnecting: dropped, retrying; refused: the credential was rejected. */
export type LinkState = "connecting" | "live" | "reconnecting" | "refused";

export interface Live {
  readonly client: Client;
  readonly state: LinkState;
  /** Attempts since the link was last up. */
  readonly retries: number;
  onChange(listener: () => void): () => void;
  dispose(): void;
}

const REFUSED = 4403;

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s … capped at 30 s, each randomised to 50–100 %. */
export function backoffMs(retries: number): number {
  const base = Math.min(30_000, 500 * 2 ** retries);
  return base / 2 + (Math.random() * base) / 2;
}

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}/graphql`;
}

/** One WebSocket for every live view; graphql-ws re-subscribes them after a reconnect, so each gets a fresh snapshot. */
export function connectLive(session: Session): Live {
  const listeners = new Set<() => void>();
  let state: LinkState = "connecting";
  let retries = 0;
  const set = (next: LinkState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const client = createClient({
    url: socketUrl(),
    lazy: false,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    connectionParams: () => connectionParams(session),
    shouldRetry: (event) => !(event instanceof CloseEvent && event.code === REFUSED),
    retryWait: async (attempt) => {
      retries = attempt + 1;
      set("reconnecting");
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    },
    on: {
      connected: () => {
        retries = 0;
        set("live");
      },
      closed: (event) => set(event instanceof CloseEvent && event.code === REFUSED ? "refused" : state === "connecting" ? "connecting" : "reconnecting"),
    },
  });
  return {
    client,
    get state() {
      return state;
    },
    get retries() {
      return retries;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      void client.dispose();
    },
  };
}
