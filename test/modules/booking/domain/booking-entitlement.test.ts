import { describe, expect, it } from "vitest";
import { CRM_ADDONS } from "../../../../src/seed/demo/policies/001-crm-addons.ts";
import { bookingTier, debitsUnits } from "../../../../src/modules/booking/domain/booking-entitlement.ts";
import { ECOMMERCE_BACKOFFICE } from "../../../../src/seed/demo/policies/002-ecommerce-backoffice.ts";
import type { BookingKind } from "../../../../src/modules/booking/domain/booking-state.ts";
import { PremiumRequiredError } from "../../../../src/modules/booking/domain/errors.ts";
import type { AccountStatus, PaymentStatus } from "../../../../src/modules/account/domain/account-input.ts";
import { effectiveTier } from "../../../../src/modules/entitlement/domain/effective-tier.ts";
import { specsOf } from "../../entitlement/domain/catalog-specs.ts";
import { at } from "../../calendar/domain/support.ts";

const { tiers, tier, calendars } = specsOf(CRM_ADDONS);
const AT = at("2026-03-10T10:00:00+01:00");

/** The effective tier of a direct customer (no partner) with or without 001 premium, as the entitlement answer decides it. */
function effective(premium: boolean, status: AccountStatus = "ACTIVE", paymentStatus: PaymentStatus = "CURRENT") {
  const subscription = premium
    ? { startedAt: at("2026-03-01T00:00:00Z"), currentPeriodEnd: at("2026-04-01T00:00:00Z"), autoRenew: true, tier: tier("CRM-PREMIUM") }
    : null;
  return effectiveTier({
    account: { status, paymentStatus, partnerId: null, createdAt: at("2026-01-01T00:00:00Z") },
    catalog: tiers,
    subscription,
    at: AT,
    calendars,
  });
}

function refusal(kind: BookingKind, standing: ReturnType<typeof effective>) {
  try {
    bookingTier(kind, standing, tiers, "C-1");
  } catch (error) {
    expect(error).toBeInstanceOf(PremiumRequiredError);
    const refused = error as PremiumRequiredError;
    return { code: refused.code, field: refused.field, entitlement: refused.entitlement, offeredBy: refused.offeredBy, message: refused.message };
  }
  throw new Error("expected PremiumRequiredError");
}

describe("001: remote sessions are premium; installation support is a product of its own", () => {
  it.each(["REMOTE_SESSION", "INSTALLATION"] as const)("premium books a %s", (kind) => {
    expect(bookingTier(kind, effective(true), tiers, "C-1").code).toBe("CRM-PREMIUM");
  });

  it.each([
    ["free support: no remote sessions", "REMOTE_SESSION", effective(false), "REMOTE_SESSION", "C-1 has CRM-FREE"],
    ["premium with an overdue payment falls back to free", "REMOTE_SESSION", effective(true, "ACTIVE", "OVERDUE"), "REMOTE_SESSION", "(PAYMENT_OVERDUE)"],
    ["premium while suspended falls back to free", "REMOTE_SESSION", effective(true, "SUSPENDED"), "REMOTE_SESSION", "(ACCOUNT_INACTIVE)"],
  ] as const)("refuses %s, naming the paid levels that include it", (_label, kind, standing, entitlement, says) => {
    const refused = refusal(kind, standing);
    expect(refused).toMatchObject({ code: "PREMIUM_REQUIRED", field: "customerNumber", entitlement, offeredBy: ["CRM-PREMIUM"] });
    expect(refused.message).toContain(says);
  });

  it.each([
    ["free support", effective(false)],
    ["premium while suspended, fallen back to free", effective(true, "SUSPENDED")],
  ])("%s books an installation on the free level", (_label, standing) => {
    expect(bookingTier("INSTALLATION", standing, tiers, "C-1").code).toBe("CRM-FREE");
  });

  it("another vendor's level without INSTALLATION books none, and offers none", () => {
    const other = specsOf(ECOMMERCE_BACKOFFICE);
    const gold = { tier: other.tier("GOLD"), basis: "SUBSCRIPTION" as const, fallback: null };
    try {
      bookingTier("INSTALLATION", gold, other.tiers, "C-2");
      throw new Error("expected PremiumRequiredError");
    } catch (error) {
      expect(error).toMatchObject({ code: "PREMIUM_REQUIRED", entitlement: "INSTALLATION", offeredBy: [] });
    }
  });

  it.each([
    ["a remote session on a unit-based level", "REMOTE_SESSION", true, true],
    ["a remote session on a level paid by the month", "REMOTE_SESSION", false, false],
    ["an installation on a unit-based level", "INSTALLATION", true, false],
    ["an installation on the free level", "INSTALLATION", false, false],
  ] as const)("%s debits units on completion: %s", (_label, kind, unitBased, debited) => {
    expect(debitsUnits(kind, { unitBased })).toBe(debited);
  });

  it("refuses without any support level", () => {
    expect(refusal("REMOTE_SESSION", { tier: null, basis: "NONE", fallback: null }).message).toContain("C-1 has no support level");
  });
});
