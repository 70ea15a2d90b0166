import { describe, expect, it } from "vitest";
import { PREMIUM_ADDON } from "../../../../src/seed/demo/policies/000-premium-addon.ts";
import { CRM_ADDONS } from "../../../../src/seed/demo/policies/001-crm-addons.ts";
import { ECOMMERCE_BACKOFFICE } from "../../../../src/seed/demo/policies/002-ecommerce-backoffice.ts";
import { EMAIL_PLATFORM } from "../../../../src/seed/demo/policies/004-email-platform.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { evaluateEntitlement } from "../../../../src/modules/entitlement/domain/evaluate.ts";
import type { AccountStanding, EntitlementInput, RequestTypeSpec, TierSpec } from "../../../../src/modules/entitlement/domain/types.ts";
import { validateRequestType } from "../../../../src/modules/request-type/domain/request-type-definition.ts";
import { STANDARD_REQUEST_TYPES } from "../../../../src/modules/request-type/domain/standard-request-types.ts";
import { specsOf } from "./catalog-specs.ts";

const at = (iso: string) => new Date(iso).getTime();
const requestType = (code: string, overrides: Partial<RequestTypeSpec> = {}): RequestTypeSpec => ({
  ...validateRequestType(STANDARD_REQUEST_TYPES.find((type) => type.code === code) ?? { code, name: code }),
  ...overrides,
});
const GOOD: AccountStanding = { status: "ACTIVE", paymentStatus: "CURRENT", partnerId: null, createdAt: at("2026-01-01T00:00:00Z") };
const monthly = (tier: TierSpec, overrides: { autoRenew?: boolean } = {}) => ({
  tier,
  startedAt: at("2026-03-01T00:00:00Z"),
  currentPeriodEnd: at("2026-03-31T22:00:00Z"),
  autoRenew: overrides.autoRenew ?? true,
});

function ask(specs: ReturnType<typeof specsOf>, overrides: Partial<EntitlementInput> & { at: number }) {
  return evaluateEntitlement({
    account: GOOD,
    catalog: specs.tiers,
    subscription: null,
    requestType: requestType("TECHNICAL_QUESTION"),
    channel: "EMAIL",
    language: "de",
    calendars: specs.calendars,
    ...overrides,
  });
}
const codes = (answer: ReturnType<typeof evaluateEntitlement>) => answer.reasons.map((r) => (r.blocking ? `!${r.code}` : r.code));

describe("the effective tier (000: paid levels need an active account with a current payment status)", () => {
  const specs = specsOf(PREMIUM_ADDON);
  const premium = specs.tier("MAIL-PREMIUM");

  it.each<[string, Partial<AccountStanding>, ReturnType<typeof monthly> | null, string, string, string | null, string[]]>([
    ["no paid level", {}, null, "INCLUDED", "MAIL-STANDARD", null, []],
    ["premium, in good standing", {}, monthly(premium), "SUBSCRIPTION", "MAIL-PREMIUM", null, []],
    ["premium, payment overdue", { paymentStatus: "OVERDUE" }, monthly(premium), "FALLBACK", "MAIL-STANDARD", "PAYMENT_OVERDUE", ["PAYMENT_OVERDUE"]],
    ["premium, suspended", { status: "SUSPENDED" }, monthly(premium), "FALLBACK", "MAIL-STANDARD", "ACCOUNT_INACTIVE", ["ACCOUNT_INACTIVE"]],
    [
      "premium, suspended and overdue",
      { status: "SUSPENDED", paymentStatus: "OVERDUE" },
      monthly(premium),
      "FALLBACK",
      "MAIL-STANDARD",
      "ACCOUNT_INACTIVE",
      ["ACCOUNT_INACTIVE"],
    ],
    ["premium, closed", { status: "CLOSED" }, monthly(premium), "FALLBACK", "MAIL-STANDARD", "ACCOUNT_INACTIVE", ["!ACCOUNT_INACTIVE"]],
    ["no paid level, overdue", { paymentStatus: "OVERDUE" }, null, "INCLUDED", "MAIL-STANDARD", null, []],
  ])("%s", (_label, standing, subscription, basis, tier, fallbackReason, reasons) => {
    const answer = ask(specs, { account: { ...GOOD, ...standing }, subscription, at: at("2026-03-16T10:00:00+01:00") });
    expect(answer.basis).toBe(basis);
    expect(answer.tier?.code).toBe(tier);
    expect(answer.fallback?.reason ?? null).toBe(fallbackReason);
    expect(answer.fallback?.from.code ?? null).toBe(fallbackReason ? "MAIL-PREMIUM" : null);
    expect(codes(answer)).toEqual(reasons);
  });

  it.each([
    ["inside the paid period", "2026-03-31T21:59:00Z", true, "MAIL-PREMIUM"],
    ["after it, renewal pending", "2026-04-02T10:00:00Z", true, "MAIL-PREMIUM"],
    ["after it, cancelled", "2026-04-02T10:00:00Z", false, "MAIL-STANDARD"],
    ["before it started", "2026-02-27T10:00:00Z", true, "MAIL-STANDARD"],
  ])("a subscription %s (auto-renew %s) gives %s", (_label, instant, autoRenew, tier) => {
    expect(ask(specs, { subscription: monthly(premium, { autoRenew }), at: at(instant) }).tier?.code).toBe(tier);
  });
});

describe("001: a partner's same-day sale before 18:00 (Europe/Berlin) grants premium for that day", () => {
  const specs = specsOf(CRM_ADDONS);
  const sold = (createdAt: string): AccountStanding => ({ ...GOOD, partnerId: "P-1", createdAt: at(createdAt) });

  it.each([
    ["17:59 CET, asked at 19:00", "2026-03-10T16:59:00Z", "2026-03-10T18:00:00Z", "PARTNER_SALE"],
    ["18:00 CET exactly", "2026-03-10T17:00:00Z", "2026-03-10T18:00:00Z", "INCLUDED"],
    ["17:30 CEST on the day clocks go forward", "2026-03-29T15:30:00Z", "2026-03-29T20:00:00Z", "PARTNER_SALE"],
    ["17:30 CET, asked after midnight Berlin time", "2026-03-10T16:30:00Z", "2026-03-10T23:30:00Z", "INCLUDED"],
    ["asked before the sale", "2026-03-10T16:30:00Z", "2026-03-10T16:00:00Z", "INCLUDED"],
  ])("sold %s", (_label, createdAt, instant, basis) => {
    const answer = ask(specs, { account: sold(createdAt), channel: "TICKET", at: at(instant) });
    expect(answer.basis).toBe(basis);
  });

  it("needs a partner: a direct sale earns nothing", () => {
    expect(ask(specs, { account: { ...GOOD, createdAt: at("2026-03-10T16:30:00Z") }, channel: "TICKET", at: at("2026-03-10T18:00:00Z") }).basis).toBe(
      "INCLUDED",
    );
  });

  it("falls back like a paid level when payment is overdue", () => {
    const answer = ask(specs, { account: { ...sold("2026-03-10T16:30:00Z"), paymentStatus: "OVERDUE" }, channel: "TICKET", at: at("2026-03-10T18:00:00Z") });
    expect(answer).toMatchObject({ basis: "FALLBACK", fallback: { reason: "PAYMENT_OVERDUE" } });
    expect(answer.fallback?.from.code).toBe("CRM-PREMIUM");
  });
});

describe("reasons, all of them at once", () => {
  const mail = specsOf(EMAIL_PLATFORM);
  const premium = monthly(mail.tier("DLV-PREMIUM"));
  const SATURDAY = at("2026-03-14T10:00:00+01:00");
  const WEDNESDAY = at("2026-03-11T10:00:00+01:00");

  it.each<[string, Partial<EntitlementInput>, number, string[]]>([
    [
      "a refund by phone on Saturday in German",
      { requestType: requestType("REFUND"), channel: "PHONE", language: "de" },
      SATURDAY,
      ["!WRITTEN_CHANNEL_REQUIRED", "!LANGUAGE_NOT_OFFERED", "!CHANNEL_CLOSED", "PIN_REQUIRED"],
    ],
    ["chat in French on Saturday", { channel: "CHAT", language: "fr" }, SATURDAY, ["!CHANNEL_CLOSED", "PIN_REQUIRED"]],
    ["chat in Canadian French on Wednesday", { channel: "CHAT", language: "fr-CA" }, WEDNESDAY, ["PIN_REQUIRED"]],
    ["a ticket in Spanish on Saturday", { channel: "TICKET", language: "es" }, SATURDAY, []],
    ["customisation by ticket", { channel: "TICKET", language: "en", requestType: requestType("CUSTOMISATION") }, WEDNESDAY, ["!OUT_OF_SCOPE"]],
    ["how-to by ticket", { channel: "TICKET", language: "en", requestType: requestType("HOW_TO") }, WEDNESDAY, ["!PREMIUM_REQUIRED"]],
    [
      "a how-to that needs no entitlement, on a paid level",
      { channel: "TICKET", language: "en", requestType: requestType("HOW_TO", { requiresEntitlement: null }) },
      WEDNESDAY,
      [],
    ],
  ])("%s", (_label, overrides, instant, reasons) => {
    const answer = ask(mail, { subscription: premium, ...overrides, at: instant });
    expect(codes(answer)).toEqual(reasons);
    expect(answer.eligible).toBe(reasons.every((code) => !code.startsWith("!")));
    expect(answer.promise.length > 0).toBe(answer.eligible);
  });

  it("names the next opening of a closed channel and the channel itself", () => {
    const [closed] = ask(mail, { subscription: premium, channel: "CHAT", language: "en", at: SATURDAY }).reasons;
    expect(closed).toMatchObject({ code: "CHANNEL_CLOSED", channel: "CHAT", nextOpeningAt: at("2026-03-16T09:00:00+01:00") });
    expect(closed!.message).toBe("CHAT is closed now; it opens Monday 2026-03-16 09:00 (Europe/Berlin)");
  });

  it("without any level, every channel is outside the tier", () => {
    const answer = ask({ ...mail, tiers: mail.tiers.filter((tier) => !tier.includedByDefault) }, { channel: "TICKET", language: "en", at: WEDNESDAY });
    expect(answer).toMatchObject({ basis: "NONE", tier: null, priority: null, channels: [], eligible: false });
    expect(codes(answer)).toEqual(["!CHANNEL_NOT_IN_TIER"]);
  });
});

describe("the response promise", () => {
  const shop = specsOf(ECOMMERCE_BACKOFFICE);
  const gold = monthly(shop.tier("GOLD"));

  it.each([
    ["Friday 16:00 → Monday 12:00", "2026-03-06T16:00:00+01:00", "2026-03-06T16:00:00+01:00", "2026-03-09T12:00:00+01:00"],
    ["Friday 17:00 (closing) → Monday 13:00", "2026-03-06T17:00:00+01:00", "2026-03-09T09:00:00+01:00", "2026-03-09T13:00:00+01:00"],
    ["Saturday → Monday 13:00, counted from Monday 09:00", "2026-03-07T11:00:00+01:00", "2026-03-09T09:00:00+01:00", "2026-03-09T13:00:00+01:00"],
    ["Friday before the spring change → Monday 12:00 CEST", "2026-03-27T16:00:00+01:00", "2026-03-27T16:00:00+01:00", "2026-03-30T12:00:00+02:00"],
  ])("Gold, 4 working hours: %s", (_label, instant, startsAt, dueAt) => {
    const [promise] = ask(shop, { subscription: gold, at: at(instant) }).promise;
    expect(promise).toMatchObject({ kind: "FIRST_RESPONSE", calendarId: "levels", guaranteed: true, clockStartsAt: at(startsAt), dueAt: at(dueAt) });
  });

  it("has no due instant when the calendar never opens again", () => {
    // open on one special day only: after it the clock never runs again
    const oneDay = compileCalendar({
      name: "One day",
      timeZone: "Europe/Berlin",
      weeklyHours: [],
      exceptions: [{ date: "2026-03-02", intervals: [{ start: "09:00", end: "17:00" }] }],
    });
    const calendars = new Map(shop.calendars);
    calendars.set("levels", oneDay);
    const [promise] = ask({ ...shop, calendars }, { subscription: gold, at: at("2026-03-10T10:00:00+01:00") }).promise;
    expect(promise).toMatchObject({ clockStartsAt: null, dueAt: null });
  });
});

describe("required information as it applies at the instant (001)", () => {
  const crm = specsOf(CRM_ADDONS);
  const installation = requestType("INSTALLATION", {
    requiredInformation: [
      { key: "proposedDates", label: "Two dates", when: "OUTSIDE_SUPPORT_HOURS" },
      { key: "databaseBackup", label: "Backup", when: "BROKEN_DATABASE" },
      { key: "environment", label: "Environment", when: null },
    ],
  });

  it.each([
    ["Tuesday 10:00 (office open)", "2026-03-10T10:00:00+01:00", ["databaseBackup", "environment"]],
    ["Tuesday 18:30 (office closed)", "2026-03-10T18:30:00+01:00", ["proposedDates", "databaseBackup", "environment"]],
    ["Sunday", "2026-03-15T10:00:00+01:00", ["proposedDates", "databaseBackup", "environment"]],
  ])("%s", (_label, instant, keys) => {
    const answer = ask(crm, { subscription: monthly(crm.tier("CRM-PREMIUM")), requestType: installation, channel: "TICKET", at: at(instant) });
    expect(answer.requiredInformation.map((item) => item.key)).toEqual(keys);
  });
});
