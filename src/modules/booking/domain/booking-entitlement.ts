import type { EffectiveTier } from "../../entitlement/domain/index.ts";
import { paidLevelsWith } from "../../entitlement/domain/index.ts";
import type { TierSpec } from "../../entitlement/domain/index.ts";
import type { TierEntitlement } from "../../tier/domain/index.ts";
import type { BookingKind } from "./booking-state.ts";
import { PremiumRequiredError } from "./errors.ts";

/** The tier entitlement each kind of booking needs. */
export const BOOKING_ENTITLEMENT: Record<BookingKind, TierEntitlement> = {
  REMOTE_SESSION: "REMOTE_SESSION",
  INSTALLATION: "INSTALLATION",
};

const WHAT: Record<BookingKind, string> = { REMOTE_SESSION: "A remote session", INSTALLATION: "An installation" };

/**
 * The effective tier, when it includes what the booking needs (001: remote sessions are premium;
 * installation support is its own product, bookable on the free level too); else a
 * PremiumRequiredError naming the paid levels that do.
 */
export function bookingTier(kind: BookingKind, effective: EffectiveTier, catalog: readonly TierSpec[], customerNumber: string): TierSpec {
  const needed = BOOKING_ENTITLEMENT[kind];
  const { tier, fallback } = effective;
  if (tier?.entitlements.includes(needed)) return tier;
  const offeredBy = paidLevelsWith(catalog, needed).map((level) => level.code);
  const offer = offeredBy.length ? ` (${offeredBy.join(", ")})` : "";
  const has = tier ? `${customerNumber} has ${tier.code}` : `${customerNumber} has no support level`;
  const why = fallback ? `: ${fallback.from.code} needs an active account with a current payment status (${fallback.reason})` : "";
  throw new PremiumRequiredError(needed, offeredBy, `${WHAT[kind]} needs a support level that includes ${needed}${offer}; ${has}${why}`);
}

/**
 * Whether completing the booking debits the minutes worked from prepaid units: on a unit-based
 * tier, except an installation — installation support is a product of its own (001), booked as
 * such, not premium work paid from units.
 */
export const debitsUnits = (kind: BookingKind, tier: { unitBased: boolean }): boolean => tier.unitBased && kind !== "INSTALLATION";
