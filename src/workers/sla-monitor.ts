import type { ServiceDeps } from "../db/service-deps.ts";

/** An alert counts as late when it goes out more than this after its instant (e.g. the server was down). */
export const LATE_AFTER_MS = 1_000;
const BATCH = 500;
/** A safety net: re-check at least this often even if no change event arrives. */
const MAX_SLEEP_MS = 30_000;
/** Rows another instance holds locked are due but not ours to fire: do not spin on them. */
const MIN_SLEEP_MS = 5;

/**
 * Fires SLA alerts at their instants. Pending alerts are rows (src/modules/sla/sla-alert-sync.ts keeps
 * them current inside every ticket write); the monitor sleeps until the earliest one, so its cost
 * does not grow with idle tickets. A row is fired in the same transaction as its outbox event and
 * claimed with FOR UPDATE SKIP LOCKED, so each alert goes out once even with several instances.
 */
export class SlaMonitor {
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** A wake-up is already queued: further change events need no second one. */
  private waking = false;
  private stopped = true;
  /** The earliest pending alert as of the last firing pass. */
  private next: Date | null = null;
  private changes: AsyncIterableIterator<unknown> | undefined;

  constructor(private readonly deps: ServiceDeps) {}

  /** Fires what came due while the service was down (marked late), then follows the schedule. */
  start(): void {
    this.stopped = false;
    this.changes = this.deps.bus.subscribe("ticketChanged");
    void (async () => {
      for await (const _change of this.changes!) this.wake();
    })();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.changes?.return?.();
    await this.queue;
  }

  /**
   * Fires every alert due at the service clock's now; resolves with how many this call fired. Calls
   * run one after another, so each sees what the previous one left.
   */
  tick(): Promise<number> {
    const run = this.queue.then(() => this.fireDue());
    this.queue = run.catch((error) => console.error("sla monitor:", error)).finally(() => this.arm());
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

  private async fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const batch = await this.fireBatch(this.deps.now());
      fired += batch.fired;
      this.next = batch.next;
      if (batch.fired < BATCH) return fired;
    }
  }

  /**
   * Claims due rows, marks them fired and writes their outbox events in ONE statement (so one
   * implicit transaction, one round trip), and reports the next pending instant for the timer.
   */
  private async fireBatch(now: Date): Promise<{ fired: number; next: Date | null }> {
    const at = now.toISOString();
    const [result] = await this.deps.prisma.$queryRaw<{ fired: number; next: Date | null }[]>`
      WITH due AS (
        SELECT id FROM "SlaAlert"
        WHERE "firedAt" IS NULL AND "fireAt" <= (${at}::timestamptz AT TIME ZONE 'UTC')
        ORDER BY "fireAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
      ), fired AS (
        UPDATE "SlaAlert" AS a
        SET "firedAt" = (${at}::timestamptz AT TIME ZONE 'UTC'),
            late = (${at}::timestamptz AT TIME ZONE 'UTC') - a."fireAt" > ${`${LATE_AFTER_MS} milliseconds`}::interval
        FROM due, "Ticket" AS t
        WHERE a.id = due.id AND t.id = a."ticketId"
        RETURNING a.id, a."ticketId", t."accountId"
      ), events AS (
        INSERT INTO "OutboxEvent" (topic, payload)
        SELECT 'slaAlertFired', jsonb_build_object('alertId', id, 'ticketId', "ticketId", 'accountId', "accountId") FROM fired
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM events)::int AS fired,
             (SELECT min("fireAt") FROM "SlaAlert" WHERE "firedAt" IS NULL AND id NOT IN (SELECT id FROM due)) AS next`;
    if (result!.fired > 0) this.deps.committed();
    return result!;
  }

  /** Sleeps until the earliest pending alert (or the safety-net interval). */
  private arm(): void {
    if (this.stopped) return;
    const delay = this.next ? this.next.getTime() - this.deps.now().getTime() : MAX_SLEEP_MS;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), Math.max(MIN_SLEEP_MS, Math.min(delay, MAX_SLEEP_MS)));
    this.timer.unref();
  }
}
