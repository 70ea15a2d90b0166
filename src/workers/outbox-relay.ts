import type { EventBus } from "../events/bus.ts";
import type { TopicName } from "../events/topics.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

const BATCH = 200;
/** Shared by every process: only the holder publishes, so sequence numbers follow delivery order. */
const RELAY_LOCK = 72_707_370;

/**
 * Publishes committed outbox rows to the bus. A service kicks it right after its commit; a slow
 * poll picks up rows committed by crashed or other processes. Delivery is at least once; the
 * sequence lets subscribers drop a repeat.
 */
export class OutboxRelay {
  private draining: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
    private readonly pollMs = 500,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.kick(), this.pollMs);
    this.timer.unref();
    void this.kick();
  }

  kick(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drain()
      .catch((error) => console.error("outbox relay:", error))
      .finally(() => (this.draining = null));
    return this.draining;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.draining;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      while ((await this.publishBatch()) === BATCH);
    } while (this.again);
  }

  private publishBatch(): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const lock = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RELAY_LOCK}) AS locked`;
      if (!lock[0]?.locked) return 0;
      // Numbered after the lock is held, so sequences continue where the last holder stopped.
      const rows = await tx.$queryRaw<{ topic: TopicName; payload: Record<string, unknown>; sequence: bigint }[]>`
        WITH pending AS (
          SELECT id FROM "OutboxEvent" WHERE "publishedAt" IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
        ), numbered AS (
          SELECT id, (SELECT COALESCE(MAX(sequence), 0) FROM "OutboxEvent") + row_number() OVER (ORDER BY id) AS sequence FROM pending
        )
        UPDATE "OutboxEvent" AS o SET "publishedAt" = now(), sequence = n.sequence
        FROM numbered AS n WHERE o.id = n.id
        RETURNING o.topic, o.payload, n.sequence`;
      rows.sort((a, b) => Number(a.sequence - b.sequence));
      for (const row of rows) await this.bus.publish(row.topic, { ...row.payload, sequence: Number(row.sequence) } as never);
      return rows.length;
    });
  }
}
