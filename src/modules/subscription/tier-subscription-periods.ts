import type { Viewer } from "../../auth/viewer.ts";
import { periodAfter } from "./domain/billing-month.ts";
import { enqueue, type Tx } from "../../events/outbox.ts";
import type { Topics } from "../../events/topics.ts";
import type { Prisma, TierSubscription } from "../../generated/prisma/client.ts";
import { actorOf } from "../account/index.ts";
import { scheduleJob } from "../../db/dated-job-rows.ts";

// Billing periods of tier subscriptions and their history rows, shared by the service's writes
// and its renewals; every function runs inside the caller's transaction under the account lock.

/** Billing months are calendar months here: the five source vendors bill in Central European time. */
export const BILLING_TIME_ZONE = "Europe/Berlin";

export type Kind = Topics["tierSubscriptionChanged"]["kind"];

/** The period ending at `periodEnd` is renewed or ended then, by the dated-jobs worker. */
export const schedulePeriodEnd = (tx: Tx, subscriptionId: string, periodEnd: Date) => scheduleJob(tx, "TIER_PERIOD_END", subscriptionId, periodEnd);

/** The account's active subscription after rolling a period that ended by `at`; null once ended. */
export async function settled(tx: Tx, accountId: string, at: Date): Promise<TierSubscription | null> {
  const active = await tx.tierSubscription.findFirst({ where: { accountId, status: "ACTIVE" } });
  if (!active || (await rollIn(tx, active, at)) === null) return active;
  const rolled = await tx.tierSubscription.findUniqueOrThrow({ where: { id: active.id } });
  return rolled.status === "ACTIVE" ? rolled : null;
}

/**
 * Renews a due period month by month at the tier's current price, or ends a cancelled one at its
 * period end; the change goes into the outbox with it.
 */
export async function rollIn(tx: Tx, subscription: TierSubscription, now: Date): Promise<Kind | null> {
  if (subscription.status !== "ACTIVE" || subscription.currentPeriodEnd > now) return null;
  const kind = subscription.autoRenew ? await renew(tx, subscription, now) : await end(tx, subscription);
  await enqueue(tx, "tierSubscriptionChanged", { accountId: subscription.accountId, subscriptionId: subscription.id, kind });
  return kind;
}

async function end(tx: Tx, subscription: TierSubscription): Promise<Kind> {
  const ended = await tx.tierSubscription.update({ where: { id: subscription.id }, data: { status: "ENDED", endedAt: subscription.currentPeriodEnd } });
  await record(tx, ended, "ENDED", null, subscription.currentPeriodEnd, { fromTierId: subscription.tierId });
  return "ENDED";
}

async function renew(tx: Tx, subscription: TierSubscription, now: Date): Promise<Kind> {
  const { priceMinor: amountMinor, currency } = await tx.tier.findUniqueOrThrow({ where: { id: subscription.tierId } });
  let period = { start: subscription.currentPeriodStart.getTime(), end: subscription.currentPeriodEnd.getTime() };
  while (period.end <= now.getTime()) {
    period = periodAfter(period.end, BILLING_TIME_ZONE);
    await record(tx, subscription, "RENEWED", null, new Date(period.start), { toTierId: subscription.tierId, ...periodOf(period), amountMinor, currency });
  }
  await tx.tierSubscription.update({
    where: { id: subscription.id },
    data: { currentPeriodStart: new Date(period.start), currentPeriodEnd: new Date(period.end) },
  });
  await schedulePeriodEnd(tx, subscription.id, new Date(period.end));
  return "RENEWED";
}

export const periodOf = (period: { start: number; end: number }) => ({ periodStart: new Date(period.start), periodEnd: new Date(period.end) });

export function record(
  tx: Tx,
  subscription: TierSubscription,
  kind: Kind,
  viewer: Viewer | null,
  at: Date,
  details: Omit<Prisma.TierSubscriptionEventUncheckedCreateInput, "subscriptionId" | "kind" | "actor" | "at">,
) {
  return tx.tierSubscriptionEvent.create({
    data: { subscriptionId: subscription.id, kind, at, actor: viewer ? actorOf(viewer) : "system", ...details },
  });
}
