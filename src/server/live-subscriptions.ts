import { EventEmitter } from "node:events";

/**
 * How many client subscriptions of each root field are live: the server is listening for their
 * events. Operators read it on /healthz; tests wait on it instead of sleeping.
 */
export class LiveSubscriptions {
  private readonly counts = new Map<string, number>();
  /** How many ever became live, per field: only grows, so a wait on it ignores subscriptions that end meanwhile. */
  private readonly totals = new Map<string, number>();
  private readonly changed = new EventEmitter();

  constructor() {
    this.changed.setMaxListeners(0);
  }

  count(field: string): number {
    return this.counts.get(field) ?? 0;
  }

  /** Every field with at least one live subscription. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].filter(([, count]) => count > 0).sort(([a], [b]) => a.localeCompare(b)));
  }

  /** How many subscriptions of `field` became live since the server started. */
  started(field: string): number {
    return this.totals.get(field) ?? 0;
  }

  /** Resolves once `started(field)` reaches `total`. */
  startedReach(field: string, total: number): Promise<void> {
    if (this.started(field) >= total) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.started(field) < total) return;
        this.changed.off("change", check);
        resolve();
      };
      this.changed.on("change", check);
    });
  }

  /**
   * Counts `source` as live from its first pull, when the server's stream attaches its bus
   * listeners (Repeater executors run synchronously on the first `next()`), until it ends. A
   * snapshot-first stream (queueChanged) listens once its snapshot is read, from the snapshot's
   * position, so what commits in between is replayed from the outbox, not missed.
   */
  track<T>(field: string, source: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
    let state: "idle" | "live" | "ended" = "idle";
    const end = () => {
      if (state === "live") this.add(field, -1);
      state = "ended";
    };
    const settle = async (result: Promise<IteratorResult<T>>) => {
      try {
        const value = await result;
        if (value.done) end();
        return value;
      } catch (error) {
        end();
        throw error;
      }
    };
    return {
      next: (...args) => {
        const result = source.next(...args);
        if (state === "idle") {
          state = "live";
          this.totals.set(field, this.started(field) + 1);
          this.add(field, 1);
        }
        return settle(result);
      },
      return: (value) => {
        end();
        return source.return ? settle(source.return(value)) : Promise.resolve({ done: true, value });
      },
      throw: (error) => {
        end();
        return source.throw ? settle(source.throw(error)) : Promise.reject(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  private add(field: string, delta: number) {
    this.counts.set(field, this.count(field) + delta);
    this.changed.emit("change");
  }
}
