import type { EventBus } from "../events/bus.ts";
import type { SqlQuery } from "./client.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { AccountLock, Transaction } from "./write-kernel.ts";
import type { Logger } from "../logger.ts";

/** What every service is built from. */
export interface ServiceDeps {
  prisma: PrismaClient;
  /** Plain SQL outside Prisma, for statements on the hot path (src/db/insert-rows.ts). */
  sql: SqlQuery;
  bus: EventBus;
  /** The clock; injectable so tests can fix time. */
  now: () => Date;
  /** The service's logger (each module and worker logs through a child naming it). */
  log: Logger;
  /**
   * Runs `work` in one transaction; events it enqueued (src/events/outbox.ts) are published once
   * it has committed.
   */
  transaction: Transaction;
  /** Runs work holding an account's row lock, answering an idempotent replay first (src/db/write-kernel.ts). */
  withAccountLock: AccountLock;
  /** Publishes the outbox rows a single statement wrote outside `transaction`, once it committed. */
  committed(): void;
  /** Outbox rows a resuming subscription's replay reads at a time (default 500); tests make it small to cross pages with few events. */
  replayPage?: number;
}
