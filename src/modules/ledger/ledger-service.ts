import { canReadAccount, requireStaff } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { customerNumber } from "../account/domain/index.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../domain/errors.ts";
import * as ledger from "./domain/index.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import {
  appendEntry,
  assertWorkLogFree,
  type EntryDraft,
  LEDGER_COLUMNS,
  type LedgerWrite,
  type LockedAccount,
  type Tx,
  type WriteRequest,
} from "./ledger-append.ts";
import { selection } from "../../db/prisma-helpers.ts";
import { requestHash } from "../../db/request-hash.ts";
import { byCode, byCustomerNumber } from "../../db/workspace-scope.ts";
import { LOCKED_TRANSACTION } from "../../db/write-kernel.ts";

export type { LedgerWrite } from "./ledger-append.ts";

const STAFF_ONLY = "Only staff may change unit balances";

export interface UnitsPurchaseInput {
  customerNumber: string;
  packageCode: string;
  quantity?: number | null;
  idempotencyKey: string;
}

export interface UnitsAdjustInput {
  customerNumber: string;
  /** Signed: positive credits, negative debits. */
  units: number;
  reason: string;
  idempotencyKey: string;
}

export interface UnitsRefundInput {
  customerNumber: string;
  /** Units paid back to the customer, as a positive count. */
  units: number;
  reason?: string | null;
  idempotencyKey: string;
}

export interface UnitsReverseInput {
  entryId: string;
  reason: string;
  idempotencyKey: string;
}

export interface UnitSettingsUpdateInput {
  customerNumber: string;
  lowBalanceThreshold?: number | null;
  overdraftLimit?: number | null;
}

export interface WorkDebitInput {
  accountId: string;
  /** Minutes worked; debited as units of 15 minutes, rounded up. */
  minutes: number;
  ticketId?: string | null;
  /** The work log being paid for: debited at most once. */
  workLogId: string;
  idempotencyKey: string;
  /** Who wrote the work log: an API token id or "ADMIN_TOKEN". */
  actor: string;
}

type Target = Omit<WriteRequest, "actor" | "at">;
type AccountQuery = { select?: Prisma.AccountSelect; include?: Prisma.AccountInclude };

/** The token behind a write, as the ledger records it. */
const actorOf = (viewer: Viewer) => viewer.tokenId ?? "ADMIN_TOKEN";

/** The append-only unit ledger of each account: every write locks the account and is idempotent. */
export class LedgerService {
  constructor(private readonly deps: ServiceDeps) {}

  async purchase(viewer: Viewer, data: UnitsPurchaseInput): Promise<LedgerWrite> {
    requireStaff(viewer, STAFF_ONLY);
    const packageCode = ledger.packageCode("packageCode", data.packageCode);
    const quantity = ledger.purchaseQuantity("quantity", data.quantity ?? 1);
    const target = await this.target(data, requestHash("PURCHASE", { packageCode, quantity }));
    return this.commit(viewer, target, async (tx) => {
      const pkg = await tx.unitPackage.findUnique({ where: byCode(packageCode) });
      if (!pkg) throw new NotFoundError("packageCode", `No unit package with code ${packageCode}`);
      if (pkg.archivedAt) throw new ValidationError("packageCode", `Package ${packageCode} is archived and no longer sold`);
      const bought = { packageId: pkg.id, quantity, amountMinor: pkg.priceMinor * quantity, currency: pkg.currency };
      return { kind: "PURCHASE", units: pkg.units * quantity, reason: null, ...bought };
    });
  }

  async adjust(viewer: Viewer, data: UnitsAdjustInput): Promise<LedgerWrite> {
    requireStaff(viewer, STAFF_ONLY);
    const units = ledger.nonZeroUnits("units", data.units);
    const reason = ledger.reason("reason", data.reason, true);
    const target = await this.target(data, requestHash("ADJUSTMENT", { units, reason }));
    return this.commit(viewer, target, async () => ({ kind: "ADJUSTMENT", units, reason }));
  }

  async refund(viewer: Viewer, data: UnitsRefundInput): Promise<LedgerWrite> {
    requireStaff(viewer, STAFF_ONLY);
    const units = ledger.positiveUnits("units", data.units);
    const reason = ledger.reason("reason", data.reason, false);
    const target = await this.target(data, requestHash("REFUND", { units, reason }));
    return this.commit(viewer, target, async () => ({ kind: "REFUND", units: -units, reason }));
  }

  /** Appends the opposite of an entry; the entry itself is never touched. */
  async reverse(viewer: Viewer, data: UnitsReverseInput): Promise<LedgerWrite> {
    requireStaff(viewer, STAFF_ONLY);
    const reason = ledger.reason("reason", data.reason, true);
    const key = ledger.idempotencyKey("idempotencyKey", data.idempotencyKey);
    const original = await this.deps.prisma.unitLedgerEntry.findUnique({ where: { id: data.entryId }, select: { accountId: true } });
    if (!original) throw new NotFoundError("entryId", "No ledger entry with this id");
    const target: Target = {
      accountId: original.accountId,
      idempotencyKey: key,
      requestHash: requestHash("REVERSAL", { entryId: data.entryId, reason }),
      fields: { account: "entryId", units: "entryId" },
    };
    return this.commit(viewer, target, async (tx) => {
      const entry = await tx.unitLedgerEntry.findUniqueOrThrow({ where: { id: data.entryId }, include: { reversedBy: { select: { seq: true } } } });
      if (entry.kind === "REVERSAL") throw new ValidationError("entryId", "A reversal cannot be reversed; record an adjustment instead");
      if (entry.reversedBy) throw new ConflictError("entryId", `Entry #${entry.seq} was already reversed by entry #${entry.reversedBy.seq}`);
      return { kind: "REVERSAL", units: -entry.units, reason, reversesEntryId: entry.id, ticketId: entry.ticketId };
    });
  }

  /**
   * Debits the units for `minutes` of work inside the caller's transaction `tx` (the ticket
   * work-log service writes its log and the debit atomically; run it through `deps.transaction`
   * with LOCKED_TRANSACTION so a low-balance event is published after commit). Throws
   * InsufficientUnitsError when the debit would exceed the overdraft, ConflictError when the work
   * log was already debited; either aborts the caller's transaction.
   */
  async debitWork(tx: Tx, data: WorkDebitInput): Promise<LedgerWrite> {
    const units = ledger.unitsForMinutes(data.minutes, "minutes");
    const workLogId = ledger.reference("workLogId", data.workLogId);
    const ticketId = data.ticketId == null ? null : ledger.reference("ticketId", data.ticketId);
    const key = ledger.idempotencyKey("idempotencyKey", data.idempotencyKey);
    const actor = ledger.reference("actor", data.actor);
    const request: WriteRequest = {
      accountId: data.accountId,
      idempotencyKey: key,
      requestHash: requestHash("WORK_DEBIT", { minutes: data.minutes, ticketId, workLogId }),
      actor,
      at: this.deps.now(),
      fields: { account: "accountId", units: "minutes" },
    };
    return appendEntry(tx, request, async () => {
      await assertWorkLogFree(tx, workLogId, "workLogId");
      return { kind: "WORK_DEBIT", units: -units, reason: `${data.minutes} minutes of work`, ticketId, workLogId };
    });
  }

  async updateSettings(viewer: Viewer, data: UnitSettingsUpdateInput, query: AccountQuery = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const threshold = data.lowBalanceThreshold == null ? null : ledger.lowBalanceThreshold("lowBalanceThreshold", data.lowBalanceThreshold);
    const overdraft = data.overdraftLimit == null ? null : ledger.overdraftLimit("overdraftLimit", data.overdraftLimit);
    const accountId = await this.accountId(data.customerNumber);
    const update = async (tx: Tx, account: LockedAccount) => {
      const lowBalanceThreshold = threshold ?? account.lowBalanceThreshold;
      return tx.account.update({
        ...selection(query),
        where: { id: accountId },
        data: {
          lowBalanceThreshold,
          overdraftLimit: overdraft ?? account.overdraftLimit,
          lowBalanceArmed: ledger.armedAfterThresholdChange(account.unitBalance, lowBalanceThreshold, account.lowBalanceArmed),
        },
      });
    };
    return this.deps.withAccountLock(accountId, update, { columns: LEDGER_COLUMNS, field: "customerNumber" });
  }

  /** The account behind a customer number with its ledger, or null when it is not the viewer's to read. */
  async ledger(viewer: Viewer, number: string, query: AccountQuery = {}) {
    const where = byCustomerNumber(customerNumber("customerNumber", number));
    const select = query.select ? { select: { ...query.select, id: true, partnerId: true } } : {};
    const account = await this.deps.prisma.account.findUnique({ ...selection(query), ...select, where });
    return account && canReadAccount(viewer, account) ? account : null;
  }

  private async accountId(number: string): Promise<string> {
    const normalised = customerNumber("customerNumber", number);
    const account = await this.deps.prisma.account.findUnique({ where: byCustomerNumber(normalised), select: { id: true } });
    if (!account) throw new NotFoundError("customerNumber", `No account with customer number ${normalised}`);
    return account.id;
  }

  /** A write addressed by customer number, once its own fields passed their checks. */
  private async target(data: { customerNumber: string; idempotencyKey: string }, hash: string): Promise<Target> {
    const idempotencyKey = ledger.idempotencyKey("idempotencyKey", data.idempotencyKey);
    const accountId = await this.accountId(data.customerNumber);
    return { accountId, idempotencyKey, requestHash: hash, fields: { account: "customerNumber", units: "units" } };
  }

  private async commit(viewer: Viewer, target: Target, draft: (tx: Tx) => Promise<EntryDraft>): Promise<LedgerWrite> {
    const request: WriteRequest = { ...target, actor: actorOf(viewer), at: this.deps.now() };
    return this.deps.transaction((tx) => appendEntry(tx, request, () => draft(tx)), LOCKED_TRANSACTION);
  }
}
