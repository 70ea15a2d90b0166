import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadPremiumAddon } from "../../fixtures/policies/000-premium-addon.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount, entitlement, reasonCodes, SUBSCRIPTION_FIELDS, subscribe } from "../../helpers/support.ts";
import type { TestApp } from "../../helpers/test-app.ts";
import { startPolicyApp } from "../../fixtures/policies/policy-app.ts";

const CANCEL = `mutation($input: TierSubscriptionCancelInput!) {
  tierSubscriptionCancel(input: $input) {
    __typename
    ... on TierSubscriptionCancelSuccess { subscription { ${SUBSCRIPTION_FIELDS} } }
    ... on Error { code message }
    ... on ValidationError { field }
  }
}`;
const PAUSE = `mutation($input: TierSubscriptionPauseInput!) {
  tierSubscriptionPause(input: $input) { __typename ... on Error { code message } }
}`;
const RENEW = `mutation($input: TierSubscriptionsRenewInput) {
  tierSubscriptionsRenew(input: $input) { __typename ... on TierSubscriptionsRenewed { renewed ended } ... on Error { code message } }
}`;
const HISTORY = `query($customerNumber: String!) {
  tierSubscriptionHistory(customerNumber: $customerNumber) { kind at periodStart periodEnd amount { amountMinor currency } reason fromTier { code } toTier { code } }
}`;
const ACCOUNT = `query($customerNumber: String!) { account(customerNumber: $customerNumber) { id tierSubscriptions { ${SUBSCRIPTION_FIELDS} } } }`;

// 000 — premium add-on: 24 hours counted on working days (Mon–Thu 09–12 & 13–16, Fri 09–12,
// Berlin, no German public holidays), phone, highest priority; only active accounts with a current
// payment status; monthly, auto-renewing, cancel any time with confirmation, no pause.
describe("000 premium support add-on", () => {
  let t: TestApp;
  const START = "2026-03-02T08:00:00Z"; // Monday 2 March, 09:00 in Berlin
  const clock = testClock(START);
  /** A premium customer of the test's own, booked now (`extra`: the account's other fields). */
  const premium = async (customerNumber: string, extra: Record<string, unknown> = {}) => {
    await createAccount(t, customerNumber, { language: "de", ...extra });
    return subscribe(t, customerNumber, "MAIL-PREMIUM");
  };

  // The accounts made here are read, never changed: a test that cancels, pays or books has its own.
  beforeAll(async () => {
    t = await startPolicyApp("000", { now: clock.now });
    await loadPremiumAddon(t);
    await createAccount(t, "C-PREMIUM", { language: "de" });
    await createAccount(t, "C-OVERDUE", { language: "de", paymentStatus: "OVERDUE" });
    await createAccount(t, "C-SUSPENDED", { language: "de", status: "SUSPENDED" });
    await createAccount(t, "C-CLOSED", { language: "de", status: "CLOSED" });
    await createAccount(t, "C-STANDARD", { language: "de" });
    for (const number of ["C-PREMIUM", "C-OVERDUE", "C-SUSPENDED"]) await subscribe(t, number, "MAIL-PREMIUM");
  });
  afterAll(() => t.stop());
  beforeEach(() => clock.set(START)); // every test starts on Monday 2 March, 09:00 in Berlin

  const ask = (customerNumber: string, channel: string, at: string) => entitlement(t, { customerNumber, channel, requestType: "TECHNICAL_QUESTION", at });

  describe("the 24-hour working-day promise", () => {
    it.each([
      ["a Friday skips the weekend", "2026-03-13T10:00:00+01:00", "2026-03-16T09:00:00.000Z"], // Fri 10–24 (14 h) + Mon 00–10
      ["Maundy Thursday skips Good Friday, the weekend and Easter Monday", "2026-04-02T14:00:00+02:00", "2026-04-07T12:00:00.000Z"],
      ["a Saturday starts counting on Monday 00:00", "2026-03-14T11:00:00+01:00", "2026-03-16T23:00:00.000Z"],
      ["Labour Day (Friday 1 May) starts counting on Monday", "2026-05-01T10:00:00+02:00", "2026-05-04T22:00:00.000Z"],
    ])("%s", async (_label, at, dueAt) => {
      const answer = await ask("C-PREMIUM", "EMAIL", at);
      expect(answer).toMatchObject({ eligible: true, basis: "SUBSCRIPTION", tier: { code: "MAIL-PREMIUM" }, priority: { rank: 4, label: "highest" } });
      expect(answer.promise).toEqual([
        expect.objectContaining({ amount: 24, unit: "HOURS", clock: "WORKING_DAYS", guaranteed: true, dueAt, calendar: { name: "Premium support hours" } }),
      ]);
    });
  });

  describe("the phone channel", () => {
    it.each([
      ["Monday 10:00", "2026-03-16T10:00:00+01:00", true, null],
      ["Monday 12:30 (lunch)", "2026-03-16T12:30:00+01:00", false, "2026-03-16T12:00:00.000Z"],
      ["Friday 13:00 (Fridays end at 12)", "2026-03-13T13:00:00+01:00", false, "2026-03-16T08:00:00.000Z"],
      ["Good Friday 10:00", "2026-04-03T10:00:00+02:00", false, "2026-04-07T07:00:00.000Z"],
    ])("for premium on %s: open %s", async (_label, at, open, nextOpeningAt) => {
      const answer = await ask("C-PREMIUM", "PHONE", at);
      expect(answer.eligible).toBe(open);
      expect(answer.reasons).toEqual(open ? [] : [expect.objectContaining({ code: "CHANNEL_CLOSED", nextOpeningAt, channel: "PHONE" })]);
    });

    it("is not part of the standard level", async () => {
      const answer = await ask("C-STANDARD", "PHONE", "2026-03-16T10:00:00+01:00");
      expect(answer).toMatchObject({ eligible: false, basis: "INCLUDED", tier: { code: "MAIL-STANDARD" }, priority: { label: "normal" } });
      expect(reasonCodes(answer)).toEqual(["!CHANNEL_NOT_IN_TIER"]);
      expect(answer.reasons[0].message).toContain("MAIL-PREMIUM");
    });
  });

  describe("only active accounts with a current payment status", () => {
    it("an overdue premium customer falls back to the included level with reason PAYMENT_OVERDUE", async () => {
      const answer = await ask("C-OVERDUE", "EMAIL", "2026-03-16T10:00:00+01:00");
      expect(answer).toMatchObject({
        eligible: true,
        basis: "FALLBACK",
        tier: { code: "MAIL-STANDARD" },
        fallbackFrom: { code: "MAIL-PREMIUM" },
        fallbackReason: "PAYMENT_OVERDUE",
        priority: { rank: 1, label: "normal" },
      });
      expect(reasonCodes(answer)).toEqual(["PAYMENT_OVERDUE"]);
      expect(answer.promise[0]).toMatchObject({ amount: 2, unit: "DAYS", guaranteed: false });
      expect(reasonCodes(await ask("C-OVERDUE", "PHONE", "2026-03-16T10:00:00+01:00"))).toEqual(["PAYMENT_OVERDUE", "!CHANNEL_NOT_IN_TIER"]);
    });

    it("premium applies again automatically once the payment is current", async () => {
      await premium("C-PAID-LATE", { paymentStatus: "OVERDUE" });
      expect((await ask("C-PAID-LATE", "PHONE", "2026-03-16T10:00:00+01:00")).fallbackReason).toBe("PAYMENT_OVERDUE");
      const { account } = dataOf(await t.gql(ACCOUNT, { customerNumber: "C-PAID-LATE" }));
      dataOf(await t.gql(`mutation($id: ID!) { accountUpdate(input: { id: $id, paymentStatus: CURRENT }) { __typename } }`, { id: account.id }));
      const answer = await ask("C-PAID-LATE", "PHONE", "2026-03-16T10:00:00+01:00");
      expect(answer).toMatchObject({ eligible: true, basis: "SUBSCRIPTION", tier: { code: "MAIL-PREMIUM" }, fallbackFrom: null, reasons: [] });
    });

    it("a suspended premium customer falls back with reason ACCOUNT_INACTIVE", async () => {
      const answer = await ask("C-SUSPENDED", "CONTACT_FORM", "2026-03-16T10:00:00+01:00");
      expect(answer).toMatchObject({ eligible: true, basis: "FALLBACK", tier: { code: "MAIL-STANDARD" }, fallbackReason: "ACCOUNT_INACTIVE" });
      expect(reasonCodes(answer)).toEqual(["ACCOUNT_INACTIVE"]);
    });

    it("a closed account has no entitlement at all", async () => {
      const answer = await ask("C-CLOSED", "EMAIL", "2026-03-16T10:00:00+01:00");
      expect(answer).toMatchObject({ eligible: false, promise: [] });
      expect(reasonCodes(answer)).toEqual(["!ACCOUNT_INACTIVE"]);
    });
  });

  describe("booking: monthly, auto-renewing, cancel any time, no pause", () => {
    it("prorated the first month: 29 EUR × 30 of 31 days", async () => {
      await premium("C-PRORATED");
      const { account } = dataOf(await t.gql(ACCOUNT, { customerNumber: "C-PRORATED" }));
      expect(account.tierSubscriptions).toEqual([
        expect.objectContaining({
          status: "ACTIVE",
          autoRenew: true,
          startedAt: "2026-03-02T08:00:00.000Z",
          currentPeriodEnd: "2026-03-31T22:00:00.000Z",
          firstPeriodCharge: { amountMinor: 2806, currency: "EUR" },
        }),
      ]);
    });

    it("refuses a pause with PauseNotSupportedError suggesting cancel and book again", async () => {
      const { tierSubscriptionPause } = dataOf(await t.gql(PAUSE, { input: { customerNumber: "C-PREMIUM" } }));
      expect(tierSubscriptionPause).toMatchObject({ __typename: "PauseNotSupportedError", code: "PAUSE_NOT_SUPPORTED" });
      expect(tierSubscriptionPause.message).toMatch(/cancel/i);
      expect(tierSubscriptionPause.message).toMatch(/book it again/);
    });

    it.each([
      ["without confirm", {}],
      ["with confirm: false", { confirm: false }],
    ])("refuses to cancel %s and changes nothing", async (_label, extra) => {
      const { tierSubscriptionCancel } = dataOf(await t.gql(CANCEL, { input: { customerNumber: "C-PREMIUM", ...extra } }));
      expect(tierSubscriptionCancel).toMatchObject({ __typename: "ValidationError", code: "VALIDATION", field: "confirm" });
      const { account } = dataOf(await t.gql(ACCOUNT, { customerNumber: "C-PREMIUM" }));
      expect(account.tierSubscriptions[0]).toMatchObject({ autoRenew: true, cancelledAt: null });
    });

    it("cancels with confirmation and a reason; premium runs to the end of the paid month", async () => {
      await premium("C-CANCELS");
      clock.set("2026-03-20T10:00:00Z");
      const { tierSubscriptionCancel } = dataOf(await t.gql(CANCEL, { input: { customerNumber: "C-CANCELS", confirm: true, reason: "  Quiet season " } }));
      expect(tierSubscriptionCancel.subscription).toMatchObject({
        status: "ACTIVE",
        autoRenew: false,
        cancelledAt: "2026-03-20T10:00:00.000Z",
        cancellationReason: "Quiet season",
        currentPeriodEnd: "2026-03-31T22:00:00.000Z",
      });
      expect((await ask("C-CANCELS", "PHONE", "2026-03-30T10:00:00+02:00")).tier.code).toBe("MAIL-PREMIUM");
      expect((await ask("C-CANCELS", "PHONE", "2026-04-01T10:00:00+02:00")).tier.code).toBe("MAIL-STANDARD");
    });

    it("renews due levels monthly at the full price and ends cancelled ones at the period end, idempotently", async () => {
      await premium("C-RENEWS");
      await premium("C-ENDS");
      clock.set("2026-03-20T10:00:00Z");
      dataOf(await t.gql(CANCEL, { input: { customerNumber: "C-ENDS", confirm: true } }));
      clock.set("2026-04-02T10:00:00Z");
      await t.app.datedJobs.tick(); // the worker rolls what came due (the clock jumped past the period end)
      expect(dataOf(await t.gql(RENEW, {})).tierSubscriptionsRenew).toEqual({ __typename: "TierSubscriptionsRenewed", renewed: 0, ended: 0 });

      const renewed = dataOf(await t.gql(ACCOUNT, { customerNumber: "C-RENEWS" })).account.tierSubscriptions[0];
      expect(renewed).toMatchObject({ status: "ACTIVE", currentPeriodStart: "2026-03-31T22:00:00.000Z", currentPeriodEnd: "2026-04-30T22:00:00.000Z" });
      const ended = dataOf(await t.gql(ACCOUNT, { customerNumber: "C-ENDS" })).account.tierSubscriptions[0];
      expect(ended).toMatchObject({ status: "ENDED", endedAt: "2026-03-31T22:00:00.000Z" });
    });

    it("books again after the end, prorated anew, with the whole history kept", async () => {
      await premium("C-RETURNS"); // 2 March: 29 EUR × 30 of 31 days
      clock.set("2026-03-20T10:00:00Z");
      dataOf(await t.gql(CANCEL, { input: { customerNumber: "C-RETURNS", confirm: true, reason: "Quiet season" } }));
      clock.set("2026-04-02T10:00:00Z");
      await t.app.datedJobs.tick(); // ends it at the period end
      clock.set("2026-04-16T08:00:00Z"); // 16 April: 15 of 30 days left
      const again = await subscribe(t, "C-RETURNS", "MAIL-PREMIUM");
      expect(again.firstPeriodCharge).toEqual({ amountMinor: 1450, currency: "EUR" });
      const { tierSubscriptionHistory } = dataOf(await t.gql(HISTORY, { customerNumber: "C-RETURNS" }));
      expect(tierSubscriptionHistory.map((e: any) => e.kind)).toEqual(["SUBSCRIBED", "CANCELLED", "ENDED", "SUBSCRIBED"]);
      expect(tierSubscriptionHistory[0]).toMatchObject({ amount: { amountMinor: 2806, currency: "EUR" }, toTier: { code: "MAIL-PREMIUM" } });
      expect(tierSubscriptionHistory[1]).toMatchObject({ reason: "Quiet season", periodEnd: "2026-03-31T22:00:00.000Z" });
      const { account } = dataOf(await t.gql(ACCOUNT, { customerNumber: "C-RETURNS" }));
      expect(account.tierSubscriptions.map((s: any) => s.status)).toEqual(["ACTIVE", "ENDED"]);
    });

    it("booking a cancelled level again while it runs withdraws the cancellation", async () => {
      clock.set("2026-04-16T08:00:00Z");
      await premium("C-REBOOKS");
      dataOf(await t.gql(CANCEL, { input: { customerNumber: "C-REBOOKS", confirm: true } }));
      const rebooked = await subscribe(t, "C-REBOOKS", "MAIL-PREMIUM");
      expect(rebooked).toMatchObject({ autoRenew: true, cancelledAt: null, cancellationReason: null, currentPeriodEnd: "2026-04-30T22:00:00.000Z" });
      const { tierSubscriptionHistory } = dataOf(await t.gql(HISTORY, { customerNumber: "C-REBOOKS" }));
      expect(tierSubscriptionHistory.map((e: any) => e.kind).slice(-2)).toEqual(["CANCELLED", "REBOOKED"]);
    });
  });
});
