import { DateTime } from "luxon";
import { parseLocalTime } from "../../calendar/domain/index.ts";
import { covers } from "../../subscription/domain/index.ts";
import type { EntitlementAnswer, EntitlementBasis, EntitlementInput, TierSpec } from "./types.ts";

/** What the effective tier depends on: the account's standing, its paid level, the catalog, the instant. */
export type TierStanding = Pick<EntitlementInput, "account" | "catalog" | "subscription" | "at" | "calendars">;

export interface EffectiveTier {
  tier: TierSpec | null;
  basis: EntitlementBasis;
  fallback: EntitlementAnswer["fallback"];
}

/**
 * The tier that applies at `at`: the active paid level, or a partner-sale grant when it ranks
 * higher, or else the included level. A paid level or grant needs an active account with a
 * current payment status (000); otherwise the included level applies and the answer says why.
 */
export function effectiveTier(input: TierStanding): EffectiveTier {
  const included = input.catalog.find((tier) => tier.includedByDefault) ?? null;
  const paid = input.subscription && covers(input.subscription, input.at) ? input.subscription.tier : null;
  const grant = partnerSaleGrant(input);
  const better = grant && (!paid || grant.priorityRank > paid.priorityRank) ? grant : paid;
  if (!better) return { tier: included, basis: included ? "INCLUDED" : "NONE", fallback: null };
  const reason = input.account.status !== "ACTIVE" ? "ACCOUNT_INACTIVE" : input.account.paymentStatus !== "CURRENT" ? "PAYMENT_OVERDUE" : null;
  if (reason) return { tier: included, basis: "FALLBACK", fallback: { from: better, reason } };
  return { tier: better, basis: better === paid ? "SUBSCRIPTION" : "PARTNER_SALE", fallback: null };
}

/**
 * 001: a reseller that sold to a customer before 18:00 may ask for premium help the same day.
 * The sale is the partner-sold account's creation; the cutoff is read in the zone of the tier's
 * first-response calendar. Of several grants the highest-ranked wins.
 */
function partnerSaleGrant({ account, catalog, at, calendars }: TierStanding): TierSpec | null {
  if (account.partnerId === null || at < account.createdAt) return null;
  const granted = catalog.filter((tier) => {
    const cutoff = tier.partnerSaleCutoff === null ? null : parseLocalTime(tier.partnerSaleCutoff, true);
    const calendarId = tier.targets.find((target) => target.kind === "FIRST_RESPONSE")?.calendarId;
    const zone = calendarId ? calendars.get(calendarId)?.timeZone : undefined;
    if (cutoff === null || !zone) return false;
    const sale = DateTime.fromMillis(account.createdAt, { zone });
    return sale.hasSame(DateTime.fromMillis(at, { zone }), "day") && sale.hour * 60 + sale.minute < cutoff;
  });
  return granted.sort((a, b) => b.priorityRank - a.priorityRank)[0] ?? null;
}
