import type { EventBus } from "../events/bus.ts";
import type { Tx } from "../events/outbox.ts";
import type { SqlQuery } from "./client.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** What every service is built from. */
export interface ServiceDeps {
  prisma: PrismaClient;
  /** Plain SQL outside Prisma, for statements on the hot path (src/db/insert-rows.ts). */
  sql: SqlQuery;
  bus: EventBus;
  /** The clock; injectable so tests can fix time. */
  now: () => Date;
  /**
   * Runs `work` in one transaction; events it enqueued (src/events/outbox.ts) are published once
   * it has committed.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Publishes the outbox rows a single statement wrote outside `transaction`, once it committed. */
  committed(): void;
}

/** Prisma's interactive-transaction limits, for work that may queue behind a row lock. */
export interface TransactionOptions {
  maxWait?: number;
  timeout?: number;
}
