import { describe, expect, it } from "vitest";
import { CRM_ADDONS } from "../../../../src/seed/demo/policies/001-crm-addons.ts";
import { bookingTier } from "../../../../src/modules/booking/domain/booking-entitlement.ts";
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
  const subscription = premium ? { startedAt: at("2026-03-01T00:00:00Z"), currentPeriodEnd: at("2026-04-01T00:00:00Z"), autoRenew: true, tier: tier("CRM-PREMIUM") } : null;
  return effectiveTier({ account: { status, paymentStatus, partnerId: null, createdAt: at("2026-01-01T00:00:00Z") }, catalog: tiers, subscription, at: AT, calendars });
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

describe("001: remote sessions and installation are premium", () => {
  it.each(["REMOTE_SESSION", "INSTALLATION"] as const)("premium books a %s", (kind) => {
    expect(bookingTier(kind, effective(true), tiers, "C-1").code).toBe("CRM-PREMIUM");
  });

  it.each([
    ["free support: no remote sessions", "REMOTE_SESSION", effective(false), "REMOTE_SESSION", "C-1 has CRM-FREE"],
    ["free support: no installation", "INSTALLATION", effective(false), "INSTALLATION", "C-1 has CRM-FREE"],
    ["premium with an overdue payment falls back to free", "REMOTE_SESSION", effective(true, "ACTIVE", "OVERDUE"), "REMOTE_SESSION", "(PAYMENT_OVERDUE)"],
    ["premium while suspended falls back to free", "INSTALLATION", effective(true, "SUSPENDED"), "INSTALLATION", "(ACCOUNT_INACTIVE)"],
  ] as const)("refuses %s, naming the paid levels that include it", (_label, kind, standing, entitlement, says) => {
    const refused = refusal(kind, standing);
    expect(refused).toMatchObject({ code: "PREMIUM_REQUIRED", field: "customerNumber", entitlement, offeredBy: ["CRM-PREMIUM"] });
    expect(refused.message).toContain(says);
  });

  it("refuses without any support level", () => {
    expect(refusal("REMOTE_SESSION", { tier: null, basis: "NONE", fallback: null }).message).toContain("C-1 has no support level");
  });
});
