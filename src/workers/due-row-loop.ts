import type { EventBus } from "../events/bus.ts";
import type { TopicName } from "../events/topics.ts";
import type { Logger } from "../logger.ts";

/** A safety net: re-check at least this often even if no change event arrives. */
const MAX_SLEEP_MS = 30_000;
/** Rows another instance holds locked are due but not ours to fire: do not spin on them. */
const MIN_SLEEP_MS = 5;

/** What one firing pass did: how many rows it fired, and the earliest instant still pending. */
export interface FiringPass {
  fired: number;
  next: Date | null;
}

export interface DueRowLoopOptions {
  /** where a failed pass is reported */
  log: Logger;
  bus: EventBus;
  now: () => Date;
  /** Events that accompany every write of a due row: each may bring an earlier one, so it wakes the loop. */
  wakeOn: readonly TopicName[];
}

/**
 * Runs work kept as due rows at the rows' instants: sleeps until the earliest pending one, wakes
 * early when a write may have brought an earlier one, and fires what came due while the service
 * was down as soon as it starts. Its cost does not grow with rows that are not due. Passes run one
 * after another, so each sees what the previous one left; several instances share the rows
 * through the row locks of `fireDue`.
 */
export abstract class DueRowLoop {
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** A wake-up is already queued: further change events need no second one. */
  private waking = false;
  private stopped = true;
  /** The earliest pending row as of the last firing pass. */
  private next: Date | null = null;
  private changes: AsyncIterableIterator<unknown>[] = [];

  protected readonly log: Logger;

  constructor(private readonly options: DueRowLoopOptions) {
    this.log = options.log;
  }

  /** Fires every row due at `now` (claimed with FOR UPDATE SKIP LOCKED) and reports the next instant. */
  protected abstract fireDue(now: Date): Promise<FiringPass>;

  start(): void {
    this.stopped = false;
    this.changes = this.options.wakeOn.map((topic) => this.options.bus.subscribe(topic));
    for (const changes of this.changes) {
      void (async () => {
        for await (const _change of changes) this.wake();
      })();
    }
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.all(this.changes.map((changes) => changes.return?.()));
    await this.queue;
  }

  /** Fires every row due at the service clock's now; resolves with how many this call fired. */
  tick(): Promise<number> {
    const run = this.queue.then(() => this.fire());
    this.queue = run.catch((error) => this.log.error({ err: error }, "firing pass failed")).finally(() => this.arm());
    return run;
  }

  private wake(): void {
    if (this.stopped || this.waking) return;
    this.waking = true;
    void this.queue.then(() => {
      this.waking = false;
      return this.tick().catch(() => 0);
    });
  }

  private async fire(): Promise<number> {
    const pass = await this.fireDue(this.options.now());
    this.next = pass.next;
    return pass.fired;
  }

  /** Sleeps until the earliest pending row (or the safety-net interval). */
  private arm(): void {
    if (this.stopped) return;
    const delay = this.next ? this.next.getTime() - this.options.now().getTime() : MAX_SLEEP_MS;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), Math.max(MIN_SLEEP_MS, Math.min(delay, MAX_SLEEP_MS)));
    this.timer.unref();
  }
}
