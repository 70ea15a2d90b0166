import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { EventBus } from "./bus.ts";
import type { TopicName, Topics } from "./topics.ts";

/** Any transaction client: services enqueue inside the transaction that makes the change. */
export type Tx = Prisma.TransactionClient;

export async function enqueue<T extends TopicName>(tx: Tx, topic: T, payload: Omit<Topics[T], "sequence">): Promise<void> {
  await tx.outboxEvent.create({ data: { topic, payload: payload as Prisma.InputJsonValue } });
}

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
      const rows = await tx.$queryRaw<{ id: bigint; topic: TopicName; payload: Record<string, unknown> }[]>`
        SELECT id, topic, payload FROM "OutboxEvent" WHERE "publishedAt" IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      const max = await tx.$queryRaw<{ last: bigint }[]>`SELECT COALESCE(MAX(sequence), 0)::bigint AS last FROM "OutboxEvent"`;
      const last = BigInt(max[0]?.last ?? 0);
      const ids = rows.map((row) => row.id);
      const sequences = rows.map((_row, index) => last + BigInt(index + 1));
      await tx.$executeRaw`
        UPDATE "OutboxEvent" AS o SET "publishedAt" = now(), sequence = s.sequence
        FROM unnest(${ids}::bigint[], ${sequences}::bigint[]) AS s(id, sequence) WHERE o.id = s.id`;
      for (const [index, row] of rows.entries()) {
        await this.bus.publish(row.topic, { ...row.payload, sequence: Number(sequences[index]) } as never);
      }
      return rows.length;
    });
  }
}
