const MAX_ENTRIES = 1_000;

/**
 * Queue counts scan every ticket of their filter, so each (scope, filter) is counted at most once
 * per `ttlMs` of the service clock and the answer shared by every request in that window: many
 * agents watching the same queues cost one count, not one each. A change shows in the counts at
 * most `ttlMs` (plus the count's own time) after it committed. 0 counts on every request.
 */
export class SharedCounts<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const at = this.now().getTime();
    const entry = this.entries.get(key);
    if (entry && at >= entry.at && at - entry.at < this.ttlMs) return entry.value;
    const value = compute();
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { at, value });
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    return value;
  }
}
