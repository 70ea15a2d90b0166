import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCrmAddons } from "../../fixtures/policies/001-crm-addons.ts";
import { startPolicyApp } from "../../fixtures/policies/policy-app.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount, entitlement, reasonCodes, subscribe } from "../../helpers/support.ts";
import type { TestApp } from "../../helpers/test-app.ts";
import { clockOf, createTicket } from "../../helpers/tickets.ts";

const TUESDAY_10 = "2026-03-10T10:00:00+01:00";
const TUESDAY_EVENING = "2026-03-10T19:00:00+01:00";
const WEDNESDAY_10 = "2026-03-11T10:00:00+01:00";
const WEDNESDAY_EVENING = "2026-03-11T19:00:00+01:00";
const SATURDAY_10 = "2026-03-14T10:00:00+01:00";

const REQUESTED = `__typename
  ... on BookingRequested { booking { id kind state installations tier { code } proposals { start insideHours } } }
  ... on AtLeastTwoProposalsRequiredError { field suggestedStart }
  ... on PremiumRequiredError { field entitlement offeredBy }
  ... on Error { code message }
  ... on ConflictError { field }`;
const INSTALL = `mutation($input: InstallationBookInput!) { installationBook(input: $input) { ${REQUESTED} } }`;
const REMOTE = `mutation($input: RemoteSessionBookInput!) { remoteSessionBook(input: $input) { ${REQUESTED} } }`;
const STEP = (name: string) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) {
  ${name}(input: $input) { __typename ... on ${name[0]!.toUpperCase()}${name.slice(1)}Success { booking { state workedMinutes unitDebit { units } } } ... on Error { code message } } }`;
const BALANCE = `query($customerNumber: String!) { unitLedger(customerNumber: $customerNumber) { balance } }`;
const PREMIUM_TARGETS = `{ tier(code: "CRM-PREMIUM") { targets { kind amount unit clock endOfDay guaranteed calendar { name } } } }`;

// 001 — "Premium support customers can call at any time … Normally the remote session starts the
// same day", and "Installation support" is its own bookable product: it includes one installation;
// after booking, the customer calls or chats and is told when a supporter is free, normally in
// business hours 07–18 CET; outside them, a ticket with at least two proposed dates. Everything here
// acts through the 001 workspace's own tokens (an ADMIN, a CUSTOMER and an AGENT of that workspace).
describe("001 CRM add-on vendor: same-day remote sessions and installation support", () => {
  let t: TestApp;
  let free: string;
  let agent: string;
  let n = 0;
  const clock = testClock("2026-03-01T00:00:00Z");
  const call = async (query: string, input: Record<string, unknown>, token?: string) => Object.values(dataOf(await t.gql(query, { input }, token)))[0] as any;
  const install = (customerNumber: string, proposals: string[], product: string, token?: string) =>
    call(INSTALL, { customerNumber, proposals, durationMinutes: 120, product, idempotencyKey: `install-${++n}` }, token);

  beforeAll(async () => {
    clock.set("2026-03-01T00:00:00Z");
    t = await startPolicyApp("001", { now: clock.now });
    await loadCrmAddons(t);
    await createAccount(t, "C-SESSION-FREE", { language: "de" });
    await createAccount(t, "C-SESSION-PREMIUM", { language: "de" });
    await subscribe(t, "C-SESSION-PREMIUM", "CRM-PREMIUM");
    dataOf(
      await t.gql(
        `mutation { unitPackageCreate(input: { code: "UNITS-8", name: "8 support units", units: 8, price: { amountMinor: 24000, currency: "EUR" } }) { __typename } }`,
      ),
    );
    const bought = dataOf(
      await t.gql(
        `mutation { unitsPurchase(input: { customerNumber: "C-SESSION-PREMIUM", packageCode: "UNITS-8", idempotencyKey: "session-units" }) { __typename } }`,
      ),
    );
    expect(bought.unitsPurchase.__typename).toBe("UnitLedgerWrite");
    free = await t.token("CUSTOMER", { customerNumber: "C-SESSION-FREE" });
    agent = await t.token("AGENT");
  });
  afterAll(() => t.stop());

  describe("a premium remote session normally starts the same day (best effort)", () => {
    it("is the premium level's first-response target: 1 day on the office hours, due at the day's end", async () => {
      expect(dataOf(await t.gql(PREMIUM_TARGETS)).tier.targets).toEqual([
        {
          kind: "FIRST_RESPONSE",
          amount: 1,
          unit: "DAYS",
          clock: "BUSINESS_HOURS",
          endOfDay: true,
          guaranteed: false,
          calendar: { name: "Installation support hours" },
        },
      ]);
    });

    it.each([
      ["Tuesday 10:00: by 18:00 that day", TUESDAY_10, "2026-03-10T09:00:00.000Z", "2026-03-10T17:00:00.000Z"],
      ["Tuesday 17:59: by 18:00 that day", "2026-03-10T17:59:00+01:00", "2026-03-10T16:59:00.000Z", "2026-03-10T17:00:00.000Z"],
      [
        "Tuesday 19:30 (the hotline is open, the office is not): by Wednesday 18:00",
        "2026-03-10T19:30:00+01:00",
        "2026-03-11T06:00:00.000Z",
        "2026-03-11T17:00:00.000Z",
      ],
      ["Friday 18:30: by Monday 18:00", "2026-03-13T18:30:00+01:00", "2026-03-16T06:00:00.000Z", "2026-03-16T17:00:00.000Z"],
      [
        "the Friday evening before the spring switch: by Monday 18:00 summer time",
        "2026-03-27T19:00:00+01:00",
        "2026-03-30T05:00:00.000Z",
        "2026-03-30T16:00:00.000Z",
      ],
    ])("asked %s", async (_label, at, clockStartsAt, dueAt) => {
      const answer = await entitlement(t, { customerNumber: "C-SESSION-PREMIUM", channel: "TICKET", requestType: "REMOTE_SUPPORT", at });
      expect(answer).toMatchObject({ eligible: true, tier: { code: "CRM-PREMIUM" } });
      expect(answer.promise).toEqual([
        {
          kind: "FIRST_RESPONSE",
          amount: 1,
          unit: "DAYS",
          clock: "BUSINESS_HOURS",
          endOfDay: true,
          guaranteed: false,
          calendar: { name: "Installation support hours" },
          clockStartsAt,
          dueAt,
        },
      ]);
    });

    it("a premium ticket opened after closing is due by the next office day's close, flagged best effort", async () => {
      clock.set("2026-03-10T19:30:00+01:00");
      const ticket = await createTicket(t, { customerNumber: "C-SESSION-PREMIUM", channel: "TICKET", requestTypeCode: "REMOTE_SUPPORT" });
      expect(ticket).toMatchObject({ status: "NEW", tier: { code: "CRM-PREMIUM" }, nextDueAt: "2026-03-11T17:00:00.000Z" });
      expect(clockOf(ticket)).toMatchObject({ state: "RUNNING", guaranteed: false, dueAt: "2026-03-11T17:00:00.000Z" });
    });

    it("free support has no remote sessions", async () => {
      clock.set(TUESDAY_10);
      const refused = await call(
        REMOTE,
        { customerNumber: "C-SESSION-FREE", proposals: [WEDNESDAY_10], durationMinutes: 60, idempotencyKey: `remote-${++n}` },
        free,
      );
      expect(refused).toMatchObject({ __typename: "PremiumRequiredError", entitlement: "REMOTE_SESSION", offeredBy: ["CRM-PREMIUM"] });
    });
  });

  describe("installation support is a product of its own, bookable without premium", () => {
    it.each([
      ["in business hours: nothing more to give", TUESDAY_10, []],
      ["outside them: at least two proposed dates", TUESDAY_EVENING, [{ key: "proposedDates", when: "OUTSIDE_SUPPORT_HOURS" }]],
    ])("a free customer may ask for an installation %s", async (_label, at, items) => {
      const answer = await entitlement(t, { customerNumber: "C-SESSION-FREE", channel: "TICKET", requestType: "INSTALLATION", at });
      expect(answer).toMatchObject({ eligible: true, basis: "INCLUDED", tier: { code: "CRM-FREE" }, reasons: [] });
      expect(answer.requiredInformation).toEqual(items);
    });

    it("is arranged by chat while a supporter is in, 07–18", async () => {
      const inHours = await entitlement(t, { customerNumber: "C-SESSION-FREE", channel: "CHAT", requestType: "INSTALLATION", at: TUESDAY_10 });
      expect(inHours.eligible).toBe(true);
      const evening = await entitlement(t, { customerNumber: "C-SESSION-FREE", channel: "CHAT", requestType: "INSTALLATION", at: TUESDAY_EVENING });
      expect(reasonCodes(evening)).toEqual(["!CHANNEL_CLOSED"]);
      expect(evening.reasons[0].nextOpeningAt).toBe("2026-03-11T06:00:00.000Z");
    });

    it("a free customer books it with one date inside 07–18", async () => {
      clock.set(TUESDAY_10);
      const booked = await install("C-SESSION-FREE", [WEDNESDAY_10], "CRM Connector", free);
      expect(booked).toMatchObject({
        __typename: "BookingRequested",
        booking: {
          kind: "INSTALLATION",
          state: "REQUESTED",
          installations: 1,
          tier: { code: "CRM-FREE" },
          proposals: [{ start: "2026-03-11T09:00:00.000Z", insideHours: true }],
        },
      });
    });

    it("outside the hours one date is refused with a date inside them to propose instead; two dates are booked", async () => {
      clock.set(TUESDAY_10);
      expect(await install("C-SESSION-FREE", [WEDNESDAY_EVENING], "Scanner driver", free)).toMatchObject({
        __typename: "AtLeastTwoProposalsRequiredError",
        field: "proposals",
        suggestedStart: "2026-03-12T06:00:00.000Z",
      });
      const two = await install("C-SESSION-FREE", [WEDNESDAY_EVENING, SATURDAY_10], "Scanner driver", free);
      expect(two.booking.proposals.map((proposal: { insideHours: boolean }) => proposal.insideHours)).toEqual([false, false]);
    });

    it("a booking covers one installation: the same product again waits until that one is done", async () => {
      clock.set(TUESDAY_10);
      expect((await install("C-SESSION-FREE", [WEDNESDAY_10], "Outlook plug-in", free)).__typename).toBe("BookingRequested");
      expect(await install("C-SESSION-FREE", ["2026-03-12T10:00:00+01:00"], "outlook  PLUG-IN", free)).toMatchObject({
        __typename: "ConflictError",
        field: "product",
      });
    });

    it("is completed by staff without a unit debit, for free and premium customers alike", async () => {
      clock.set(TUESDAY_10);
      const balance = async () => dataOf(await t.gql(BALANCE, { customerNumber: "C-SESSION-PREMIUM" })).unitLedger.balance;
      const before = await balance();
      for (const customerNumber of ["C-SESSION-FREE", "C-SESSION-PREMIUM"]) {
        const { booking } = await install(customerNumber, ["2026-03-12T10:00:00+01:00"], "Fax gateway");
        expect(booking.tier.code).toBe(customerNumber === "C-SESSION-FREE" ? "CRM-FREE" : "CRM-PREMIUM");
        expect((await call(STEP("bookingConfirm"), { id: booking.id, proposal: 0 }, agent)).__typename).toBe("BookingConfirmSuccess");
        clock.set("2026-03-12T12:00:00+01:00");
        const done = await call(STEP("bookingComplete"), { id: booking.id, workedMinutes: 110 }, agent);
        expect(done).toMatchObject({ __typename: "BookingCompleteSuccess", booking: { state: "DONE", workedMinutes: 110, unitDebit: null } });
        clock.set(TUESDAY_10);
      }
      expect(await balance()).toBe(before);
    });
  });
});
