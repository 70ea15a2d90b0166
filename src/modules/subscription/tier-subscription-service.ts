import type { Viewer } from "../../auth/viewer.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.ts";
import { changeAdjustment, firstPeriod } from "./domain/billing-month.ts";
import { PauseNotSupportedError } from "./domain/errors.ts";
import { enqueue, type Tx } from "../../events/outbox.ts";
import type { Prisma, TierSubscription } from "../../generated/prisma/client.ts";
import { requireAccount } from "../account/index.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { selection } from "../../db/prisma-helpers.ts";
import { withAccountLockIn } from "../../db/write-kernel.ts";
import { BILLING_TIME_ZONE, type Kind, periodOf, record, rollIn, schedulePeriodEnd, settled } from "./tier-subscription-periods.ts";
import type { TierRow, TierService } from "../tier/index.ts";

const MAX_REASON_LENGTH = 500;
const ONE_ACTIVE = { index: "TierSubscription_one_active_per_account", field: "tierCode", message: "The account already holds an active paid level" };

type Query = { select?: Prisma.TierSubscriptionSelect; include?: Prisma.TierSubscriptionInclude };

export interface TierSubscriptionInput {
  customerNumber: string;
  tierCode: string;
}

export interface TierSubscriptionCancelInput {
  customerNumber: string;
  confirm?: boolean | null;
  reason?: string | null;
}

/**
 * Paid support levels: booked monthly, auto-renewing, changeable and cancellable any time, never
 * paused. Every write locks the account row, so an account holds at most one active level; a
 * partial unique index backs that up.
 */
export class TierSubscriptionService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly tiers: TierService,
  ) {}

  async subscribe(viewer: Viewer, data: TierSubscriptionInput, query: Query = {}) {
    const account = await this.account(viewer, data.customerNumber);
    if (account.status === "CLOSED") throw new ValidationError("customerNumber", `${account.customerNumber} is closed and cannot book a support level`);
    const tier = await this.paidTier(data.tierCode);
    const at = this.deps.now();
    return this.write(account.id, query, async (tx) => {
      const active = await settled(tx, account.id, at);
      if (active?.autoRenew) {
        const held = active.tierId === tier.id ? tier.code : "a paid level";
        throw new ConflictError("tierCode", `${account.customerNumber} already holds ${held}; change it with tierSubscriptionChange`);
      }
      // 000: a cancelled level can be booked again while it still runs: the cancellation is withdrawn
      if (active) return this.rebook(tx, viewer, active, tier, at);
      const period = firstPeriod(at.getTime(), BILLING_TIME_ZONE, tier.priceMinor);
      const subscription = await tx.tierSubscription.create({
        data: {
          accountId: account.id,
          tierId: tier.id,
          startedAt: at,
          currentPeriodStart: at,
          currentPeriodEnd: new Date(period.end),
          firstPeriodAmountMinor: period.amountMinor,
          currency: tier.currency,
        },
      });
      await record(tx, subscription, "SUBSCRIBED", viewer, at, {
        toTierId: tier.id,
        ...periodOf(period),
        amountMinor: period.amountMinor,
        currency: tier.currency,
      });
      await schedulePeriodEnd(tx, subscription.id, subscription.currentPeriodEnd);
      return [subscription, "SUBSCRIBED"];
    });
  }

  /** Upgrade or downgrade at once, no minimum term; the price difference is prorated for the rest of the period. */
  async change(viewer: Viewer, data: TierSubscriptionInput, query: Query = {}) {
    const account = await this.account(viewer, data.customerNumber);
    const tier = await this.paidTier(data.tierCode);
    const at = this.deps.now();
    return this.write(account.id, query, async (tx) => {
      const active = await this.requireActive(tx, account.customerNumber, account.id, at);
      if (active.tierId === tier.id) throw new ValidationError("tierCode", `${account.customerNumber} already holds ${tier.code}`);
      return [await this.switchTier(tx, viewer, active, tier, at), "CHANGED"];
    });
  }

  /** Needs `confirm: true`; the level runs to the end of the paid period and then ends. */
  async cancel(viewer: Viewer, data: TierSubscriptionCancelInput, query: Query = {}) {
    if (data.confirm !== true) throw new ValidationError("confirm", "Cancelling a support level needs confirm: true");
    const reason = data.reason?.trim() || null;
    if (reason && reason.length > MAX_REASON_LENGTH) throw new ValidationError("reason", `reason must be at most ${MAX_REASON_LENGTH} characters`);
    const account = await this.account(viewer, data.customerNumber);
    const at = this.deps.now();
    return this.write(account.id, query, async (tx) => {
      const active = await this.requireActive(tx, account.customerNumber, account.id, at);
      if (!active.autoRenew) return [active, null];
      const cancelled = await tx.tierSubscription.update({
        where: { id: active.id },
        data: { autoRenew: false, cancelledAt: at, cancellationReason: reason },
      });
      await record(tx, cancelled, "CANCELLED", viewer, at, { fromTierId: active.tierId, periodEnd: active.currentPeriodEnd, reason });
      return [cancelled, "CANCELLED"];
    });
  }

  /** 000: there is no pause. */
  pause(): never {
    throw new PauseNotSupportedError();
  }

  /**
   * Rolls every active subscription whose period ended by `now`: renews it month by month (at the
   * tier's current price) or, when cancelled, ends it at its period end. Idempotent, and safe
   * when several processes run it at once (each subscription is re-read under its account lock).
   */
  async renewDue(now = this.deps.now(), options: { customerNumber?: string | null } = {}): Promise<{ renewed: number; ended: number }> {
    const due = await this.deps.prisma.tierSubscription.findMany({
      where: { status: "ACTIVE", currentPeriodEnd: { lte: now }, ...(options.customerNumber ? { account: { customerNumber: options.customerNumber } } : {}) },
      select: { id: true, accountId: true },
      orderBy: { id: "asc" },
    });
    const totals = { renewed: 0, ended: 0 };
    for (const { id, accountId } of due) {
      const kind = await this.roll(id, accountId, now);
      if (kind === "RENEWED") totals.renewed++;
      if (kind === "ENDED") totals.ended++;
    }
    return totals;
  }

  /**
   * The dated job at a period end (src/workers/dated-jobs.ts), inside its transaction: renews the
   * subscription or ends it at that instant; nothing when a write already rolled it.
   */
  async rollAtPeriodEnd(tx: Tx, subscriptionId: string, now: Date): Promise<void> {
    const subject = await tx.tierSubscription.findUnique({ where: { id: subscriptionId }, select: { accountId: true } });
    if (!subject) return;
    await withAccountLockIn(tx, subject.accountId, async (tx) =>
      rollIn(tx, await tx.tierSubscription.findUniqueOrThrow({ where: { id: subscriptionId } }), now),
    );
  }

  /** The admin operation: renews what is due now, optionally for one account. */
  async renewDueBy(viewer: Viewer, customerNumber?: string | null) {
    if (viewer.role !== "ADMIN") throw new ForbiddenError("Only administrators run renewals");
    const account = customerNumber ? await requireAccount(this.deps.prisma, viewer, customerNumber) : null;
    return this.renewDue(this.deps.now(), { customerNumber: account?.customerNumber ?? null });
  }

  /** The account's whole subscription history, oldest first. */
  async history(viewer: Viewer, customerNumber: string, query: Prisma.TierSubscriptionEventFindManyArgs = {}) {
    const account = await requireAccount(this.deps.prisma, viewer, customerNumber);
    return this.deps.prisma.tierSubscriptionEvent.findMany({
      ...selection(query),
      where: { subscription: { accountId: account.id } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
  }

  /** The account's active subscription, for entitlement decisions (its tier comes from the tier catalog). */
  active(accountId: string) {
    return this.deps.prisma.tierSubscription.findFirst({ where: { accountId, status: "ACTIVE" } });
  }

  private async roll(id: string, accountId: string, now: Date): Promise<Kind | null> {
    let kind: Kind | null = null;
    await this.locked(accountId, async (tx) => {
      const subscription = await tx.tierSubscription.findUniqueOrThrow({ where: { id } });
      kind = await rollIn(tx, subscription, now);
      return [subscription, null];
    });
    return kind;
  }

  private async rebook(tx: Tx, viewer: Viewer, active: TierSubscription, tier: TierRow, at: Date): Promise<[TierSubscription, Kind]> {
    const changed = active.tierId === tier.id ? active : await this.switchTier(tx, viewer, active, tier, at);
    const rebooked = await tx.tierSubscription.update({
      where: { id: active.id },
      data: { autoRenew: true, cancelledAt: null, cancellationReason: null },
    });
    await record(tx, rebooked, "REBOOKED", viewer, at, { toTierId: changed.tierId, periodEnd: rebooked.currentPeriodEnd });
    return [rebooked, "REBOOKED"];
  }

  private async switchTier(tx: Tx, viewer: Viewer, active: TierSubscription, tier: TierRow, at: Date) {
    const from = await tx.tier.findUniqueOrThrow({ where: { id: active.tierId } });
    const amountMinor =
      from.currency === tier.currency
        ? changeAdjustment(at.getTime(), active.currentPeriodEnd.getTime(), BILLING_TIME_ZONE, from.priceMinor, tier.priceMinor)
        : null;
    const changed = await tx.tierSubscription.update({ where: { id: active.id }, data: { tierId: tier.id } });
    await record(tx, changed, "CHANGED", viewer, at, {
      fromTierId: from.id,
      toTierId: tier.id,
      periodStart: at,
      periodEnd: active.currentPeriodEnd,
      amountMinor,
      currency: amountMinor === null ? null : tier.currency,
    });
    return changed;
  }

  private async paidTier(code: string): Promise<TierRow> {
    const tier = await this.tiers.requireLive("tierCode", code);
    if (tier.includedByDefault) throw new ValidationError("tierCode", `${tier.code} is the included level: every account has it without booking`);
    return tier;
  }

  private async requireActive(tx: Tx, customerNumber: string, accountId: string, at: Date) {
    const active = await settled(tx, accountId, at);
    if (!active) throw new NotFoundError("customerNumber", `${customerNumber} has no active paid level; book one with tierSubscribe`);
    return active;
  }

  /** Whoever may see an account manages its support level (src/auth/policy.ts canManageTierSubscription). */
  private account(viewer: Viewer, customerNumber: string) {
    return requireAccount(this.deps.prisma, viewer, customerNumber);
  }

  /** Runs `fn` under the account's row lock and re-reads the result with `query` once committed. */
  private async write(accountId: string, query: Query, fn: (tx: Tx) => Promise<[TierSubscription, Kind | null]>) {
    const [subscription] = await this.locked(accountId, fn);
    return this.deps.prisma.tierSubscription.findUniqueOrThrow({ ...selection(query), where: { id: subscription.id } });
  }

  /** Runs `fn` under the account's row lock; the change is enqueued in the outbox with it. */
  private locked(accountId: string, fn: (tx: Tx) => Promise<[TierSubscription, Kind | null]>) {
    const work = async (tx: Tx) => {
      const result = await fn(tx);
      const [subscription, kind] = result;
      if (kind) await enqueue(tx, "tierSubscriptionChanged", { accountId, subscriptionId: subscription.id, kind });
      return result;
    };
    return this.deps.withAccountLock(accountId, work, { conflict: ONE_ACTIVE });
  }
}
