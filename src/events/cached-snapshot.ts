import type { EventBus } from "./bus.ts";
import type { SignalTopic } from "./topics.ts";
import { scopeKey, thisWorkspace } from "../db/workspace-scope.ts";

/**
 * A small catalog every request reads (tiers, request types), one per workspace, kept in memory
 * until a write on any instance announces a change of that workspace's on `topic`, or `ttlMs`
 * passes (bounding a lost event).
 */
export class CachedSnapshot<T> {
  private readonly cached = new Map<string, { value: Promise<T>; at: number }>();

  constructor(
    private readonly bus: EventBus,
    private readonly topic: SignalTopic,
    private readonly load: () => Promise<T>,
    private readonly ttlMs = 60_000,
  ) {
    void (async () => {
      for await (const { workspaceId } of bus.subscribe(topic)) this.cached.delete(workspaceId);
    })();
  }

  get(): Promise<T> {
    const key = scopeKey();
    let entry = this.cached.get(key);
    if (!entry || entry.at + this.ttlMs < Date.now()) {
      const value = this.load();
      entry = { value, at: Date.now() };
      this.cached.set(key, entry);
      value.catch(() => this.cached.delete(key));
    }
    return entry.value;
  }

  /** Awaits a write, then drops this copy and tells every instance to drop theirs. */
  async changed<R>(write: Promise<R>): Promise<R> {
    const result = await write;
    const workspaceId = thisWorkspace();
    this.cached.delete(workspaceId);
    await this.bus.publish(this.topic, { workspaceId });
    return result;
  }
}
