import type { EventBus, MissedEvents } from "../events/bus.ts";
import type { TopicName } from "../events/topics.ts";
import { acrossWorkspaces } from "../db/workspace-scope.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Logger } from "../logger.ts";

const BATCH = 200;
const PRUNE_BATCH = 1_000;
/** Shared by every process: only the holder numbers events, so sequences are dense and ordered. */
const RELAY_LOCK = 72_707_370;
const MAX_BACKOFF_MS = 5_000;

/**
 * Publishes committed outbox rows to the bus, in sequence order. A service kicks it right after its
 * commit; a slow poll picks up rows committed by crashed or other processes. A short transaction
 * numbers a batch; the batch is published outside any transaction and marked published only once
 * the bus accepted every event of it. No new batch is numbered while one is unpublished, so an event
 * reaches the bus only after every lower sequence did: subscribers may drop anything at or below the
 * last sequence they saw (a repeat, as delivery is at least once). A failing bus is retried with
 * backoff; the writes that enqueued the events have committed and answered already.
 */
export class OutboxRelay {
  private draining: Promise<void> | null = null;
  /** kicked since the cycle under way started */
  private again = false;
  /** what the kicks since the cycle under way started wait for */
  private nextCycle: CycleEnd | null = null;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
    private readonly options: { log: Logger; pollMs?: number; retentionMs?: number; pruneEveryMs?: number },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.kick(), this.options.pollMs ?? 500);
    this.timer.unref();
    this.pruneTimer = setInterval(
      () => void this.prune().catch((error) => this.options.log.error({ err: error }, "pruning published events failed")),
      this.options.pruneEveryMs ?? 60_000,
    );
    this.pruneTimer.unref();
    void this.kick();
  }

  /**
   * Resolves once a cycle that started after this call has ended (or failed): what committed before
   * it is then published. Not once the relay is idle: under steady writes that would be never.
   */
  kick(): Promise<void> {
    this.again = true;
    const waiting = (this.nextCycle ??= cycleEnd()).promise;
    if (!this.draining) this.draining = this.run();
    return waiting;
  }

  private run(): Promise<void> {
    let failed = false;
    return this.drain()
      .then(() => (this.failures = 0))
      .catch((error) => {
        failed = true;
        if (this.failures++ === 0) this.options.log.error({ err: error }, "publishing failed; retrying with backoff");
        clearTimeout(this.retry);
        this.retry = setTimeout(() => void this.kick(), Math.min(MAX_BACKOFF_MS, 50 * 2 ** this.failures));
        this.retry.unref();
      })
      .then(() => {})
      .finally(() => {
        this.draining = null;
        // a kick between the last cycle's check and here gets a cycle of its own; after a failure, the retry
        if (this.again && !failed) this.draining = this.run();
        else {
          this.nextCycle?.resolve();
          this.nextCycle = null;
        }
      });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.pruneTimer);
    clearTimeout(this.retry);
    while (this.draining) await this.draining;
  }

  /** Deletes published events older than the retention window, a batch at a time; keeps the newest, which carries the numbering on. */
  async prune(retentionMs = this.options.retentionMs ?? 24 * 3_600_000): Promise<number> {
    const cutoff = new Date(Date.now() - retentionMs);
    let total = 0;
    for (;;) {
      const deleted = await acrossWorkspaces(
        () => this.prisma.$executeRaw`
        DELETE FROM "OutboxEvent" WHERE id IN (
          SELECT id FROM "OutboxEvent"
          WHERE "publishedAt" <= ${cutoff} AND sequence < (SELECT MAX(sequence) FROM "OutboxEvent")
          ORDER BY sequence LIMIT ${PRUNE_BATCH})`,
      );
      total += deleted;
      if (deleted < PRUNE_BATCH) return total;
      await new Promise((resolve) => setImmediate(resolve)); // let live delivery in between batches
    }
  }

  private async drain(): Promise<void> {
    while (this.again) {
      this.again = false;
      const cycle = this.nextCycle;
      this.nextCycle = null;
      try {
        while ((await this.publishBatch()) === BATCH);
      } finally {
        cycle?.resolve();
      }
    }
  }

  /** Publishes every workspace's events, each marked with its workspace so delivery can stay inside it. */
  private publishBatch(): Promise<number> {
    return acrossWorkspaces(async () => {
      await this.numberBatch();
      const rows = await this.prisma.outboxEvent.findMany({
        where: { publishedAt: null, sequence: { not: null } },
        orderBy: { sequence: "asc" },
        take: BATCH,
        select: { id: true, topic: true, payload: true, sequence: true, workspaceId: true },
      });
      for (const row of rows) {
        await this.bus.publish(row.topic as TopicName, { ...(row.payload as object), workspaceId: row.workspaceId, sequence: Number(row.sequence) } as never);
      }
      if (rows.length > 0) await this.prisma.outboxEvent.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { publishedAt: new Date() } });
      return rows.length;
    });
  }

  /** Numbers the next batch, unless a numbered batch still waits for the bus. */
  private numberBatch(): Promise<void> {
    return this.prisma.$transaction(async (tx) => {
      const lock = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RELAY_LOCK}) AS locked`;
      if (!lock[0]?.locked) return;
      await tx.$executeRaw`
        WITH waiting AS (
          SELECT 1 FROM "OutboxEvent" WHERE "publishedAt" IS NULL AND sequence IS NOT NULL LIMIT 1
        ), pending AS (
          SELECT id FROM "OutboxEvent" WHERE sequence IS NULL AND NOT EXISTS (SELECT 1 FROM waiting) ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
        ), numbered AS (
          SELECT id, (SELECT COALESCE(MAX(sequence), 0) FROM "OutboxEvent") + row_number() OVER (ORDER BY id) AS sequence FROM pending
        )
        UPDATE "OutboxEvent" AS o SET sequence = n.sequence FROM numbered AS n WHERE o.id = n.id`;
    });
  }
}

interface CycleEnd {
  promise: Promise<void>;
  resolve(): void;
}

function cycleEnd(): CycleEnd {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const MAX_FILL = 10_000;

/** The events an instance's bus missed while Redis was out of reach, read back from the outbox (src/events/bus.ts). */
export function missedEvents(prisma: PrismaClient): MissedEvents {
  return (after, before) =>
    acrossWorkspaces(async () => {
      const rows = await prisma.outboxEvent.findMany({
        where: { sequence: before === null ? { gt: after } : { gt: after, lt: before } },
        orderBy: { sequence: "asc" },
        take: MAX_FILL,
        select: { topic: true, payload: true, sequence: true, workspaceId: true },
      });
      return rows.map((row) => ({
        topic: row.topic as TopicName,
        payload: { ...(row.payload as object), workspaceId: row.workspaceId, sequence: Number(row.sequence) } as never,
      }));
    });
}
