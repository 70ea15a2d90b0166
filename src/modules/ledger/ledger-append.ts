import { ConflictError } from "../../domain/errors.ts";
import { applyUnits, lowBalanceAfter, type UnitEntryKind } from "./domain/index.ts";
import { enqueue, type Tx } from "../../events/outbox.ts";
import type { Account, Prisma } from "../../generated/prisma/client.ts";
import { uniquely } from "../../db/prisma-helpers.ts";
import { replayOf, withAccountLockIn } from "../../db/write-kernel.ts";

export type { Tx } from "../../events/outbox.ts";

/** Entries come with their account's reference, so readers can check who may see them. */
export const ENTRY_INCLUDE = { account: { select: { id: true, partnerId: true } } } as const;
export type LedgerEntry = Prisma.UnitLedgerEntryGetPayload<{ include: typeof ENTRY_INCLUDE }>;

/** The account's ledger state, read with its row lock. */
export const LEDGER_COLUMNS = ["id", "unitBalance", "lowBalanceThreshold", "overdraftLimit", "lowBalanceArmed"] as const;
export type LockedAccount = Pick<Account, (typeof LEDGER_COLUMNS)[number]>;

/** What a write adds, decided after the lock (so it may read entries the lock protects). */
export interface EntryDraft {
  kind: UnitEntryKind;
  /** Signed: credits positive, debits negative. */
  units: number;
  reason: string | null;
  packageId?: string;
  quantity?: number;
  amountMinor?: number;
  currency?: string;
  ticketId?: string | null;
  workLogId?: string;
  reversesEntryId?: string;
}

export interface WriteRequest {
  accountId: string;
  idempotencyKey: string;
  requestHash: string;
  actor: string;
  at: Date;
  /** Input fields that errors name: the account reference and the amount. */
  fields: { account: string; units: string };
}

/** The outcome of a ledger write. */
export interface LedgerWrite {
  entry: LedgerEntry;
  /** True when the idempotency key had been used for this request before: nothing new was written. */
  replayed: boolean;
  /** The low-balance alert this write recorded (and enqueued as `unitBalanceLow`), if it crossed the threshold. */
  alertId: string | null;
}

/**
 * Appends one entry inside `tx`: lock the account (every ledger write of one account runs one at a
 * time, so balance, seq and idempotency checks read a state nobody else can change meanwhile),
 * answer a replay with the original entry, check the balance rules, write the entry with its
 * running balance and next seq, update the account, and record a low-balance alert when the
 * threshold is crossed, its event going to the outbox so it is published only once `tx` commits.
 * Throws, writing nothing, otherwise.
 */
export function appendEntry(tx: Tx, request: WriteRequest, draft: (account: LockedAccount) => Promise<EntryDraft>): Promise<LedgerWrite> {
  const { accountId, idempotencyKey, requestHash } = request;
  const replay = replayOf(
    requestHash,
    (db) => db.unitLedgerEntry.findUnique({ where: { accountId_idempotencyKey: { accountId, idempotencyKey } }, include: ENTRY_INCLUDE }),
    (entry): LedgerWrite => ({ entry, replayed: true, alertId: null }),
  );
  const options = { columns: LEDGER_COLUMNS, replay, field: request.fields.account };
  return withAccountLockIn(tx, accountId, async (tx, account) => append(tx, account, request, await draft(account)), options);
}

async function append(tx: Tx, account: LockedAccount, request: WriteRequest, line: EntryDraft): Promise<LedgerWrite> {
  const { accountId, idempotencyKey, requestHash, actor, at, fields } = request;
  const balanceAfter = applyUnits({ balance: account.unitBalance, overdraftLimit: account.overdraftLimit }, line.kind, line.units, fields.units);
  const last = await tx.unitLedgerEntry.findFirst({ where: { accountId }, orderBy: { seq: "desc" }, select: { seq: true } });
  const create = () =>
    tx.unitLedgerEntry.create({
      data: { ...line, accountId, seq: (last?.seq ?? 0) + 1, balanceAfter, actor, idempotencyKey, requestHash, createdAt: at },
      include: ENTRY_INCLUDE,
    });
  // The lock covers seq, key and reversal; only the same work log debited at once on another account can collide.
  const entry = line.workLogId ? await uniquely("workLogId", `Work log ${line.workLogId} was already debited`, create) : await create();

  const low = lowBalanceAfter(account.unitBalance, balanceAfter, { threshold: account.lowBalanceThreshold, armed: account.lowBalanceArmed });
  await tx.account.update({ where: { id: accountId }, data: { unitBalance: balanceAfter, lowBalanceArmed: low.armed }, select: { id: true } });
  if (!low.alert) return { entry, replayed: false, alertId: null };
  const alert = await tx.lowBalanceAlert.create({
    data: { accountId, entryId: entry.id, balance: balanceAfter, threshold: account.lowBalanceThreshold, createdAt: at },
    select: { id: true },
  });
  await enqueue(tx, "unitBalanceLow", { accountId, alertId: alert.id });
  return { entry, replayed: false, alertId: alert.id };
}

/** A work log already debited (on any account) is a conflict, not a second debit. */
export async function assertWorkLogFree(tx: Tx, workLogId: string, field: string): Promise<void> {
  const taken = await tx.unitLedgerEntry.findUnique({ where: { workLogId }, select: { id: true } });
  if (taken) throw new ConflictError(field, `Work log ${workLogId} was already debited`);
}
