import { describe, expect, it } from "vitest";
import { validateRequestType } from "../../../../src/modules/request-type/domain/request-type-definition.ts";
import { type TierDefinition, validateTierDefinition } from "../../../../src/modules/tier/domain/tier-definition.ts";

const base: TierDefinition = {
  code: " gold ",
  name: " Gold ",
  monthlyPrice: { amountMinor: 5900, currency: "eur" },
  priority: { rank: 4, label: " highest " },
  targets: [
    { kind: "RESOLUTION", amount: 5, unit: "DAYS", clock: "WORKING_DAYS", calendarId: "cal", guaranteed: false },
    { kind: "FIRST_RESPONSE", amount: 4, unit: "HOURS", clock: "BUSINESS_HOURS", calendarId: "cal", guaranteed: true },
  ],
  channels: [
    { channel: "PHONE_CALLBACK", calendarId: "cal", languages: ["de"] },
    { channel: "EMAIL", calendarId: "cal", languages: [" de-AT ", "en"] },
  ],
  entitlements: ["DEVELOPMENT", "HOW_TO", "DEVELOPMENT"],
};

describe("a tier definition", () => {
  it("is normalised: codes upper-case, targets and channels in canonical order, defaults filled in", () => {
    expect(validateTierDefinition(base)).toEqual({
      code: "GOLD",
      name: "Gold",
      monthlyPrice: { amountMinor: 5900, currency: "EUR" },
      includedByDefault: false,
      priority: { rank: 4, label: "highest" },
      targets: [
        { ...base.targets[1], endOfDay: false },
        { ...base.targets[0], endOfDay: false },
      ],
      warningThresholds: [0.75, 0.9],
      channels: [
        { channel: "EMAIL", calendarId: "cal", languages: ["de-AT", "en"], pinRequired: false },
        { channel: "PHONE_CALLBACK", calendarId: "cal", languages: ["de"], pinRequired: false },
      ],
      entitlements: ["HOW_TO", "DEVELOPMENT"],
      unitBased: false,
      partnerSaleCutoff: null,
    });
  });

  it("keeps a DAYS target due at the end of the day (001: the same day)", () => {
    const sameDay = { kind: "FIRST_RESPONSE", amount: 1, unit: "DAYS", clock: "BUSINESS_HOURS", calendarId: "cal", guaranteed: false, endOfDay: true } as const;
    expect(validateTierDefinition({ ...base, targets: [sameDay] }).targets).toEqual([sameDay]);
  });

  it("may have no channels and then no targets (a level without support)", () => {
    expect(validateTierDefinition({ ...base, targets: [], channels: [] }).targets).toEqual([]);
  });

  it.each<[string, Partial<TierDefinition>, string]>([
    [
      "a NEXT_RESPONSE twice",
      { targets: [base.targets[1]!, { ...base.targets[1]!, kind: "NEXT_RESPONSE" }, { ...base.targets[1]!, kind: "NEXT_RESPONSE" }] },
      "targets.2.kind",
    ],
    ["a fractional amount", { targets: [{ ...base.targets[1]!, amount: 1.5 }] }, "targets.0.amount"],
    ["the end of the day on an HOURS target", { targets: [{ ...base.targets[1]!, endOfDay: true }] }, "targets.0.endOfDay"],
    ["a language listed twice", { channels: [{ channel: "EMAIL", calendarId: "cal", languages: ["en", "en"] }] }, "channels.0.languages.1"],
    ["six thresholds", { warningThresholds: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] }, "warningThresholds"],
    [
      "a cutoff on an included level",
      { includedByDefault: true, monthlyPrice: { amountMinor: 0, currency: "EUR" }, partnerSaleCutoff: "18:00" },
      "partnerSaleCutoff",
    ],
    ["a cutoff without a first-response calendar", { targets: [], channels: [], partnerSaleCutoff: "18:00" }, "partnerSaleCutoff"],
  ])("refuses %s", (_label, overrides, field) => {
    expect(() => validateTierDefinition({ ...base, ...overrides })).toThrow(expect.objectContaining({ code: "VALIDATION", field }));
  });
});

describe("a request type definition", () => {
  it("fills in defaults and keeps the checklist's conditions", () => {
    expect(
      validateRequestType({ code: " refund ", name: "Refund", writtenOnly: true, requiredInformation: [{ key: "invoiceNumber", label: "Invoice" }] }),
    ).toEqual({
      code: "REFUND",
      name: "Refund",
      inScope: true,
      writtenOnly: true,
      premiumOnly: false,
      requiresEntitlement: null,
      requiredInformation: [{ key: "invoiceNumber", label: "Invoice", when: null }],
      alternative: null,
      outOfScope: "PAID_OFFER",
    });
  });

  it("refuses an unknown condition", () => {
    const input = { code: "X_TYPE", name: "x", requiredInformation: [{ key: "a", label: "a", when: "FULL_MOON" as never }] };
    expect(() => validateRequestType(input)).toThrow(expect.objectContaining({ field: "requiredInformation.0.when" }));
  });
});
