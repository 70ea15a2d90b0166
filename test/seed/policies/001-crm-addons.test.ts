import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCrmAddons } from "../../fixtures/policies/001-crm-addons.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount, entitlement, reasonCodes, subscribe } from "../../helpers/support.ts";
import { clockOf, createTicket, ticketDone, tryCreateTicket } from "../../helpers/tickets.ts";
import type { TestApp } from "../../helpers/test-app.ts";
import { startPolicyApp } from "../../fixtures/policies/policy-app.ts";

const TUESDAY_10 = "2026-03-10T10:00:00+01:00";
const PACKAGE_CREATE = `mutation($input: UnitPackageCreateInput!) { unitPackageCreate(input: $input) { __typename } }`;
const UNITS = (operation: string) => `mutation($input: Units${operation[5]!.toUpperCase()}${operation.slice(6)}Input!) {
  ${operation}(input: $input) { __typename ... on UnitLedgerWrite { entry { balanceAfter } } ... on Error { code message } } }`;
const UNITS_ANSWER = `query($customerNumber: String!, $at: DateTime) {
  entitlement(customerNumber: $customerNumber, channel: REMOTE_SESSION, requestType: "REMOTE_SUPPORT", at: $at) {
    eligible basis tier { code } promise { dueAt } reasons { code blocking message unitBalance cheapestPackage { code units price { amountMinor currency } } } } }`;

// 001 — free support (ticket, chat when staffed; usually 1, at most 2 working days; no remote
// sessions, no how-to) and premium paid from prepaid units (remote sessions, how-to, installation,
// development, the hotline 07–20); work needs complete information; partners that sold before
// 18:00 may ask for premium help the same day. The same-day remote session and installation
// support without premium: 001-crm-sessions.test.ts.
describe("001 CRM add-on vendor", () => {
  let t: TestApp;
  const clock = testClock("2026-03-01T00:00:00Z");

  beforeAll(async () => {
    // paid levels are booked on 1 March, before every instant asked about
    clock.set("2026-03-01T00:00:00Z");
    t = await startPolicyApp("001", { now: clock.now });
    await loadCrmAddons(t);
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-ACC", name: "ACC reseller" }) { __typename } }`));
    await createAccount(t, "C-FREE", { language: "de" });
    await createAccount(t, "C-PREMIUM", { language: "de" });
    await subscribe(t, "C-PREMIUM", "CRM-PREMIUM");
    // Volume pricing: the more units, the cheaper each; premium is paid in advance.
    for (const [code, units, amountMinor] of [
      ["UNITS-4", 4, 12_000],
      ["UNITS-20", 20, 50_000],
    ] as const) {
      dataOf(await t.gql(PACKAGE_CREATE, { input: { code, name: `${units} support units`, units, price: { amountMinor, currency: "EUR" } } }));
    }
    await units("unitsPurchase", { customerNumber: "C-PREMIUM", packageCode: "UNITS-20", idempotencyKey: "premium-units" });
    for (const [number, soldAt] of [
      ["C-SOLD-EARLY", "2026-03-10T16:30:00Z"],
      ["C-SOLD-LATE", "2026-03-10T17:05:00Z"],
      ["C-DIRECT", "2026-03-10T16:30:00Z"],
    ] as const) {
      await createAccount(t, number, { language: "en", partnerCode: number === "C-DIRECT" ? null : "P-ACC" });
      // The sale is the account's creation; pin it to a known instant.
      await t.prisma.account.updateMany({ where: { customerNumber: number }, data: { createdAt: new Date(soldAt) } });
    }
  });
  afterAll(() => t.stop());

  // Every test starts on 1 March, before every instant asked about (a test's paid level is booked then).
  beforeEach(() => clock.set("2026-03-01T00:00:00Z"));
  const units = async (operation: string, input: Record<string, unknown>) => {
    const result = dataOf(await t.gql(UNITS(operation), { input }))[operation];
    expect(result.__typename, JSON.stringify(result)).toBe("UnitLedgerWrite");
    return result.entry.balanceAfter as number;
  };

  describe("free support", () => {
    it("answers within at most 2 working days, best effort, in the office calendar Mon–Fri 07–18", async () => {
      const answer = await entitlement(t, { customerNumber: "C-FREE", channel: "TICKET", requestType: "USAGE_QUESTION", at: TUESDAY_10 });
      expect(answer).toMatchObject({ eligible: true, basis: "INCLUDED", tier: { code: "CRM-FREE" }, unitBased: false });
      expect(answer.promise[0]).toMatchObject({ amount: 2, unit: "DAYS", clock: "WORKING_DAYS", guaranteed: false, dueAt: "2026-03-12T09:00:00.000Z" });
    });

    it.each([
      ["a remote session channel", "REMOTE_SESSION", "USAGE_QUESTION", ["!CHANNEL_NOT_IN_TIER"]],
      ["a remote session request", "TICKET", "REMOTE_SUPPORT", ["!PREMIUM_REQUIRED"]],
      ["'show me how to import file X'", "TICKET", "HOW_TO", ["!PREMIUM_REQUIRED"]],
      ["development work", "TICKET", "DEVELOPMENT", ["!PREMIUM_REQUIRED"]],
      ["the phone (sales and premium only)", "PHONE", "USAGE_QUESTION", ["!CHANNEL_NOT_IN_TIER"]],
    ])("refuses %s", async (_label, channel, requestType, codes) => {
      const answer = await entitlement(t, { customerNumber: "C-FREE", channel, requestType, at: TUESDAY_10 });
      expect(reasonCodes(answer)).toEqual(codes);
      expect(answer.reasons[0].message).toContain("CRM-PREMIUM");
    });

    it("offers chat only while someone is in the office", async () => {
      expect((await entitlement(t, { customerNumber: "C-FREE", channel: "CHAT", requestType: "USAGE_QUESTION", at: TUESDAY_10 })).eligible).toBe(true);
      const evening = await entitlement(t, { customerNumber: "C-FREE", channel: "CHAT", requestType: "USAGE_QUESTION", at: "2026-03-10T18:30:00+01:00" });
      expect(evening.reasons).toEqual([expect.objectContaining({ code: "CHANNEL_CLOSED", nextOpeningAt: "2026-03-11T06:00:00.000Z" })]);
    });

    it("speaks German and English only", async () => {
      const answer = await entitlement(t, { customerNumber: "C-FREE", channel: "TICKET", requestType: "USAGE_QUESTION", language: "fr", at: TUESDAY_10 });
      expect(reasonCodes(answer)).toEqual(["!LANGUAGE_NOT_OFFERED"]);
    });
  });

  describe("premium support from prepaid units", () => {
    it.each(["HOW_TO", "REMOTE_SUPPORT", "INSTALLATION", "DEVELOPMENT"])("covers %s", async (requestType) => {
      const answer = await entitlement(t, { customerNumber: "C-PREMIUM", channel: "REMOTE_SESSION", requestType, at: TUESDAY_10 });
      expect(answer).toMatchObject({ eligible: true, tier: { code: "CRM-PREMIUM" }, unitBased: true, priority: { label: "high" } });
    });

    it.each([
      ["19:30", "2026-03-10T19:30:00+01:00", true],
      ["20:30", "2026-03-10T20:30:00+01:00", false],
      ["06:30", "2026-03-10T06:30:00+01:00", false],
    ])("the hotline (usually 07–20) at %s: open %s", async (_label, at, open) => {
      const answer = await entitlement(t, { customerNumber: "C-PREMIUM", channel: "PHONE", requestType: "TECHNICAL_QUESTION", at });
      expect(answer.eligible).toBe(open);
    });
  });

  describe("premium is paid in advance", () => {
    it("with its units used up it is not plainly eligible: UNITS_EXHAUSTED with the balance and the cheapest package; intake refuses it; units bought make it eligible again", async () => {
      await createAccount(t, "C-EMPTY", { language: "de" });
      await subscribe(t, "C-EMPTY", "CRM-PREMIUM");
      await units("unitsPurchase", { customerNumber: "C-EMPTY", packageCode: "UNITS-4", idempotencyKey: "empty-buy" });
      expect(await units("unitsAdjust", { customerNumber: "C-EMPTY", units: -4, reason: "one hour of remote work", idempotencyKey: "empty-use" })).toBe(0);

      const answer = dataOf(await t.gql(UNITS_ANSWER, { customerNumber: "C-EMPTY", at: TUESDAY_10 })).entitlement;
      expect(answer).toMatchObject({ eligible: false, basis: "SUBSCRIPTION", tier: { code: "CRM-PREMIUM" }, promise: [] });
      expect(answer.reasons).toEqual([
        {
          code: "UNITS_EXHAUSTED",
          blocking: true,
          unitBalance: 0,
          cheapestPackage: { code: "UNITS-4", units: 4, price: { amountMinor: 12_000, currency: "EUR" } },
          message: expect.stringContaining("UNITS-4 (4 units for 120.00 EUR)"),
        },
      ]);

      clock.set(TUESDAY_10);
      const refused = await tryCreateTicket(t, { customerNumber: "C-EMPTY", channel: "TICKET", requestTypeCode: "REMOTE_SUPPORT" });
      expect(refused).toMatchObject({ __typename: "NotEntitledError", field: "customerNumber", reasons: [{ code: "UNITS_EXHAUSTED" }] });

      await units("unitsPurchase", { customerNumber: "C-EMPTY", packageCode: "UNITS-4", idempotencyKey: "empty-rebuy" });
      const again = dataOf(await t.gql(UNITS_ANSWER, { customerNumber: "C-EMPTY", at: TUESDAY_10 })).entitlement;
      expect(again).toMatchObject({ eligible: true, reasons: [] });
    });

    it("a partner's same-day grant is the vendor's, not paid in units", async () => {
      const answer = dataOf(await t.gql(UNITS_ANSWER, { customerNumber: "C-SOLD-EARLY", at: "2026-03-10T19:00:00+01:00" })).entitlement;
      expect(answer).toMatchObject({ basis: "PARTNER_SALE", tier: { code: "CRM-PREMIUM" } });
      expect(answer.reasons.map((reason: any) => reason.code)).not.toContain("UNITS_EXHAUSTED");
    });
  });

  describe("work starts with complete information", () => {
    it("lists the case information, the database backup only for broken databases", async () => {
      const answer = await entitlement(t, { customerNumber: "C-FREE", channel: "TICKET", requestType: "DEFECT", at: TUESDAY_10 });
      expect(answer.requiredInformation).toEqual([
        { key: "environment", when: null },
        { key: "reproductionSteps", when: null },
        { key: "databaseBackup", when: "BROKEN_DATABASE" },
        { key: "screenshots", when: null },
        { key: "latestVersion", when: "INCLUDED_LEVEL" },
      ]);
    });

    it.each([
      ["free support asks for it", "C-FREE", "TICKET", [{ key: "latestVersion", when: "INCLUDED_LEVEL" }]],
      ["premium support does not", "C-PREMIUM", "REMOTE_SESSION", []],
    ])("the latest add-on version installed: %s", async (_label, customerNumber, channel, items) => {
      const answer = await entitlement(t, { customerNumber, channel, requestType: "USAGE_QUESTION", at: TUESDAY_10 });
      expect(answer.eligible).toBe(true);
      expect(answer.requiredInformation).toEqual(items);
    });

    it("a free ticket waits for the latest version like the other items; its 2 working days start once it is confirmed", async () => {
      clock.set(TUESDAY_10);
      const ticket = await createTicket(t, { customerNumber: "C-FREE", channel: "TICKET", requestTypeCode: "USAGE_QUESTION" });
      expect(ticket).toMatchObject({ status: "AWAITING_INFORMATION", missingInformation: [{ key: "latestVersion" }], nextDueAt: null });
      expect(clockOf(ticket)).toMatchObject({ startedAt: null, dueAt: null });

      clock.set("2026-03-10T11:00:00+01:00");
      const confirmed = await ticketDone(t, "ticketInformationProvide", { ticketId: ticket.id, keys: ["latestVersion"] });
      expect(confirmed).toMatchObject({ status: "NEW", missingInformation: [], providedInformation: ["latestVersion"] });
      expect(clockOf(confirmed)).toMatchObject({
        state: "RUNNING",
        startedAt: "2026-03-10T10:00:00.000Z",
        dueAt: "2026-03-12T10:00:00.000Z",
        guaranteed: false,
      });
    });

    it("a premium ticket is not held for it", async () => {
      clock.set(TUESDAY_10);
      const ticket = await createTicket(t, { customerNumber: "C-PREMIUM", channel: "TICKET", requestTypeCode: "USAGE_QUESTION" });
      expect(ticket).toMatchObject({ status: "NEW", missingInformation: [], tier: { code: "CRM-PREMIUM" } });
    });

    it.each([
      ["in business hours", TUESDAY_10, []],
      ["outside them: at least two proposed dates", "2026-03-10T19:00:00+01:00", [{ key: "proposedDates", when: "OUTSIDE_SUPPORT_HOURS" }]],
    ])("an installation booked %s", async (_label, at, items) => {
      const answer = await entitlement(t, { customerNumber: "C-PREMIUM", channel: "TICKET", requestType: "INSTALLATION", at });
      expect(answer.eligible).toBe(true);
      expect(answer.requiredInformation).toEqual(items);
    });
  });

  describe("a reseller's same-day premium help", () => {
    it.each([
      ["sold before 18:00, asked the same evening", "C-SOLD-EARLY", "2026-03-10T19:00:00+01:00", "PARTNER_SALE", "CRM-PREMIUM"],
      ["sold before 18:00, asked the next day", "C-SOLD-EARLY", "2026-03-11T10:00:00+01:00", "INCLUDED", "CRM-FREE"],
      ["sold after 18:00", "C-SOLD-LATE", "2026-03-10T19:00:00+01:00", "INCLUDED", "CRM-FREE"],
      ["not sold by a partner", "C-DIRECT", "2026-03-10T19:00:00+01:00", "INCLUDED", "CRM-FREE"],
    ])("%s", async (_label, customerNumber, at, basis, code) => {
      const answer = await entitlement(t, { customerNumber, channel: "TICKET", requestType: "REMOTE_SUPPORT", at });
      expect(answer).toMatchObject({ basis, tier: { code } });
      expect(answer.eligible).toBe(code === "CRM-PREMIUM");
    });
  });
});
