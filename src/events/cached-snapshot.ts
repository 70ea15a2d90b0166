import type { EventBus } from "./bus.ts";
import type { SignalTopic } from "./topics.ts";

/**
 * A small catalog every request reads (tiers, request types), kept in memory until a write on any
 * instance announces a change on `topic`, or `ttlMs` passes (bounding a lost event).
 */
export class CachedSnapshot<T> {
  private cached: { value: Promise<T>; at: number } | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly topic: SignalTopic,
    private readonly load: () => Promise<T>,
    private readonly ttlMs = 60_000,
  ) {
    void (async () => {
      for await (const _ of bus.subscribe(topic)) this.cached = null;
    })();
  }

  get(): Promise<T> {
    if (!this.cached || this.cached.at + this.ttlMs < Date.now()) {
      const value = this.load();
      this.cached = { value, at: Date.now() };
      value.catch(() => (this.cached = null));
    }
    return this.cached.value;
  }

  /** Awaits a write, then drops this copy and tells every instance to drop theirs. */
  async changed<R>(write: Promise<R>): Promise<R> {
    const result = await write;
    this.cached = null;
    await this.bus.publish(this.topic, {});
    return result;
  }
}
