import { ConflictError, IdempotencyKeyReusedError, NotFoundError } from "../domain/errors.ts";
import type { Tx } from "../events/outbox.ts";
import { type Account, Prisma } from "../generated/prisma/client.ts";
import { violatedUniqueIndex } from "./prisma-helpers.ts";

// The write kernel: what every write that must not race on one account or run twice goes through.

/**
 * Writes queue behind an account's row lock; under load (or on single-connection PGlite) they wait
 * for the lock or a connection longer than Prisma's 2-second default.
 */
export const LOCKED_TRANSACTION = { maxWait: 20_000, timeout: 20_000 } as const;

export type AccountColumn = keyof Account & string;

/**
 * Locks the account row until `tx` ends and reads `columns` of it: every write of one account
 * (ledger, subscriptions, bookings, PIN attempts) runs one at a time. Null when there is no such account.
 */
export async function lockAccount<C extends AccountColumn = never>(tx: Tx, accountId: string, columns: readonly C[] = []): Promise<Pick<Account, C> | null> {
  const read = columns.length ? Prisma.raw(columns.map((column) => `"${column}"`).join(", ")) : Prisma.sql`1`;
  const rows = await tx.$queryRaw<Pick<Account, C>[]>`SELECT ${read} FROM "Account" WHERE "id" = ${accountId} FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * The answer to a write already made under the same idempotency key, or null when the key is new;
 * IdempotencyKeyReusedError when the key was made for another request.
 */
export type Replay<R> = (db: Tx) => Promise<R | null>;

/**
 * A replay from how to `find` the row a key wrote (with the request fingerprint stored next to it,
 * src/db/request-hash.ts) and how to `answer` with it; `hash` is this request's fingerprint.
 */
export function replayOf<Row extends { requestHash: string | null }, R>(
  hash: string,
  find: (db: Tx) => Promise<Row | null>,
  answer: (row: Row, db: Tx) => R | Promise<R>,
): Replay<R> {
  return async (db) => {
    const row = await find(db);
    if (!row) return null;
    if (row.requestHash !== hash) throw new IdempotencyKeyReusedError();
    return answer(row, db);
  };
}

/**
 * Answers a replay, else runs `write`; when the write loses a race to the same key (a unique
 * violation of `index`, or of any index when none is named) it answers as the replay would.
 */
export async function idempotently<R>(db: Tx, replay: Replay<R> | null, write: () => Promise<R>, index?: string): Promise<R> {
  const earlier = replay && (await replay(db));
  if (earlier) return earlier;
  try {
    return await write();
  } catch (error) {
    const violated = violatedUniqueIndex(error);
    if (replay && violated !== null && (index === undefined || violated === index)) {
      const raced = await replay(db);
      if (raced) return raced;
    }
    throw error;
  }
}

export interface AccountLockOptions<R, C extends AccountColumn> {
  /** Answered instead of `work` when the key was used before (checked under the lock). */
  replay?: Replay<R> | null;
  /** Columns of the account read with the lock and handed to `work`. */
  columns?: readonly C[];
  /** The input field a missing account is reported on. */
  field?: string;
  /** A unique index the work may violate, reported as a ConflictError. */
  conflict?: { index: string; field: string; message: string };
}

/** `work` holding the account's row lock inside the caller's transaction `tx`; a replay is answered first. */
export async function withAccountLockIn<R, C extends AccountColumn = never>(
  tx: Tx,
  accountId: string,
  work: (tx: Tx, account: Pick<Account, C>) => Promise<R>,
  options: AccountLockOptions<R, C> = {},
): Promise<R> {
  try {
    const account = await lockAccount(tx, accountId, options.columns);
    if (!account) throw new NotFoundError(options.field ?? "accountId", "No such account");
    const earlier = options.replay && (await options.replay(tx));
    return earlier ?? (await work(tx, account));
  } catch (error) {
    const conflict = options.conflict;
    if (conflict && violatedUniqueIndex(error) === conflict.index) throw new ConflictError(conflict.field, conflict.message);
    throw error;
  }
}

/** The same in a transaction of its own, with LOCKED_TRANSACTION; events enqueued in it are published after commit. */
export type AccountLock = <R, C extends AccountColumn = never>(
  accountId: string,
  work: (tx: Tx, account: Pick<Account, C>) => Promise<R>,
  options?: AccountLockOptions<R, C>,
) => Promise<R>;

/** Prisma's interactive-transaction limits, for work that may queue behind a row lock. */
export interface TransactionOptions {
  maxWait?: number;
  timeout?: number;
}

/** Runs `work` in one transaction; events it enqueued (src/events/outbox.ts) are published once it has committed. */
export type Transaction = <T>(work: (tx: Tx) => Promise<T>, options?: TransactionOptions) => Promise<T>;

export const accountLock =
  (transaction: Transaction): AccountLock =>
  (accountId, work, options) =>
    transaction((tx) => withAccountLockIn(tx, accountId, work, options), LOCKED_TRANSACTION);
