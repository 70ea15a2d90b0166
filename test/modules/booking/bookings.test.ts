import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCrmAddons } from "../../fixtures/policies/001-crm-addons.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount, subscribe } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const BOOKING = `id kind state durationMinutes confirmedStart confirmedEnd installations product note workedMinutes cancellationReason createdBy createdAt
  proposals { start end insideHours } tier { code } account { customerNumber } unitDebit { kind units balanceAfter workLogId }`;
const ERRORS = `... on Error { code message }
  ... on ValidationError { field }
  ... on NotFoundError { field }
  ... on ConflictError { field }
  ... on ForbiddenError { code }`;
const REQUESTED = `__typename
  ... on BookingRequested { replayed booking { ${BOOKING} } }
  ... on IdempotencyKeyReusedError { field }
  ... on AtLeastTwoProposalsRequiredError { field suggestedStart }
  ... on PremiumRequiredError { field entitlement offeredBy }
  ${ERRORS}`;
const REMOTE = `mutation($input: RemoteSessionBookInput!) { remoteSessionBook(input: $input) { ${REQUESTED} } }`;
const INSTALL = `mutation($input: InstallationBookInput!) { installationBook(input: $input) { ${REQUESTED} } }`;
const step = (name: string, input: string, more = "") => `mutation($input: ${input}!) {
  ${name}(input: $input) {
    __typename
    ... on ${name[0]!.toUpperCase()}${name.slice(1)}Success { booking { ${BOOKING} } }
    ... on BookingTransitionError { state }
    ${more}
    ${ERRORS}
  }
}`;
const CONFIRM = step("bookingConfirm", "BookingConfirmInput");
const COMPLETE = step("bookingComplete", "BookingCompleteInput", "... on InsufficientUnitsError { field balance shortfall }");
const CANCEL = step("bookingCancel", "BookingCancelInput");
const BOOKINGS = `query($customerNumber: String, $state: [BookingState!], $kind: BookingKind) {
  bookings(customerNumber: $customerNumber, state: $state, kind: $kind, first: 50) { totalCount edges { node { id state kind account { customerNumber } } } }
}`;

// Tuesday 10 March 2026, 09:00 in Berlin; 001's installation hours are Mon–Fri 07:00–18:00.
const NOW = "2026-03-10T09:00:00+01:00";
const WEDNESDAY_10 = "2026-03-11T10:00:00+01:00";
const THURSDAY_14 = "2026-03-12T14:00:00+01:00";
const WEDNESDAY_EVENING = "2026-03-11T19:00:00+01:00";
const SATURDAY_10 = "2026-03-14T10:00:00+01:00";
/** The database id behind a Relay global id: the ledger keeps the booking's as its work log reference. */
const rawId = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1];

describe("bookable sessions (001: remote sessions and installation support)", () => {
  const clock = testClock("2026-03-01T00:00:00Z");
  let t: TestApp;
  let agent: string;
  let customer: string;
  let partner: string;
  let n = 0;
  const key = () => `booking-${++n}`;
  const call = async (query: string, input: Record<string, unknown>, token?: string) => Object.values(dataOf(await t.gql(query, { input }, token)))[0] as any;
  const remote = (customerNumber: string, extra: Record<string, unknown> = {}, token?: string) =>
    call(REMOTE, { customerNumber, proposals: [WEDNESDAY_10], durationMinutes: 60, idempotencyKey: key(), ...extra }, token);
  const install = (customerNumber: string, extra: Record<string, unknown> = {}, token?: string) =>
    call(INSTALL, { customerNumber, proposals: [WEDNESDAY_10], durationMinutes: 120, idempotencyKey: key(), ...extra }, token);
  const bookings = async (variables: Record<string, unknown> = {}, token?: string) => dataOf(await t.gql(BOOKINGS, variables, token)).bookings;
  const total = async () => (await bookings()).totalCount;
  /** A booking requested by the admin, for the steps after it. */
  const requested = async (customerNumber = "C-PREMIUM", extra: Record<string, unknown> = {}) => {
    const result = await remote(customerNumber, { proposals: [WEDNESDAY_10, THURSDAY_14], ...extra });
    expect(result.__typename, JSON.stringify(result)).toBe("BookingRequested");
    return result.booking;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
    await loadCrmAddons(t);
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-ACC", name: "ACC reseller" }) { __typename } }`));
    for (const number of ["C-PREMIUM", "C-FREE", "C-OVERDUE", "C-CLOSED", "C-OTHER"]) await createAccount(t, number, { language: "de" });
    await createAccount(t, "C-RESOLD", { language: "de", partnerCode: "P-ACC" });
    for (const number of ["C-PREMIUM", "C-OVERDUE", "C-CLOSED", "C-OTHER", "C-RESOLD"]) await subscribe(t, number, "CRM-PREMIUM");
    for (const [number, change] of [
      ["C-OVERDUE", "paymentStatus: OVERDUE"],
      ["C-CLOSED", "status: CLOSED"],
    ]) {
      const { account } = dataOf(await t.gql(`{ account(customerNumber: "${number}") { id } }`));
      dataOf(await t.gql(`mutation { accountUpdate(input: { id: "${account.id}", ${change} }) { __typename } }`));
    }
    agent = await t.token("AGENT");
    customer = await t.token("CUSTOMER", { customerNumber: "C-PREMIUM" });
    partner = await t.token("PARTNER", { partnerCode: "P-ACC" });
    clock.set(NOW);
  });
  afterAll(() => t.stop());

  describe("requesting", () => {
    it("accepts one slot inside the hours from a premium customer, and a replay returns it unchanged", async () => {
      const input = {
        customerNumber: "C-PREMIUM",
        proposals: [WEDNESDAY_10],
        durationMinutes: 60,
        product: "  CRM   Connector ",
        note: "Outlook sync",
        idempotencyKey: key(),
      };
      const first = await call(REMOTE, input, customer);
      expect(first).toMatchObject({
        __typename: "BookingRequested",
        replayed: false,
        booking: {
          kind: "REMOTE_SESSION",
          state: "REQUESTED",
          durationMinutes: 60,
          installations: 0,
          product: "CRM Connector",
          note: "Outlook sync",
          proposals: [{ start: "2026-03-11T09:00:00.000Z", end: "2026-03-11T10:00:00.000Z", insideHours: true }],
          tier: { code: "CRM-PREMIUM" },
          account: { customerNumber: "C-PREMIUM" },
          createdBy: null,
          createdAt: "2026-03-10T08:00:00.000Z",
        },
      });
      const before = await total();
      const again = await call(REMOTE, input, customer);
      expect(again).toMatchObject({ __typename: "BookingRequested", replayed: true, booking: { id: first.booking.id } });
      expect(await total()).toBe(before);
    });

    it("refuses the same idempotency key for a different request, writing nothing", async () => {
      const input = { customerNumber: "C-PREMIUM", proposals: [WEDNESDAY_10], durationMinutes: 60, idempotencyKey: key() };
      expect((await call(REMOTE, input)).__typename).toBe("BookingRequested");
      const before = await total();
      expect(await call(REMOTE, { ...input, durationMinutes: 90 })).toMatchObject({
        __typename: "IdempotencyKeyReusedError",
        code: "IDEMPOTENCY_KEY_REUSED",
        field: "idempotencyKey",
      });
      expect(await call(INSTALL, input)).toMatchObject({ __typename: "IdempotencyKeyReusedError" });
      expect(await total()).toBe(before);
    });

    it("outside business hours needs at least two proposals, and suggests a slot inside them", async () => {
      const before = await total();
      expect(await remote("C-PREMIUM", { proposals: [WEDNESDAY_EVENING] }, customer)).toMatchObject({
        __typename: "AtLeastTwoProposalsRequiredError",
        code: "AT_LEAST_TWO_PROPOSALS_REQUIRED",
        field: "proposals",
        suggestedStart: "2026-03-12T06:00:00.000Z",
      });
      expect(await total()).toBe(before);
      const two = await remote("C-PREMIUM", { proposals: [WEDNESDAY_EVENING, SATURDAY_10] }, customer);
      expect(two.booking.proposals.map((p: { insideHours: boolean }) => p.insideHours)).toEqual([false, false]);
    });

    it.each([
      ["free support (no remote sessions)", "C-FREE", "REMOTE_SESSION"],
      ["premium with an overdue payment (falls back to free)", "C-OVERDUE", "REMOTE_SESSION"],
    ])("refuses %s with PremiumRequiredError", async (_label, customerNumber, entitlement) => {
      const before = await total();
      expect(await remote(customerNumber)).toMatchObject({
        __typename: "PremiumRequiredError",
        code: "PREMIUM_REQUIRED",
        field: "customerNumber",
        entitlement,
        offeredBy: ["CRM-PREMIUM"],
      });
      expect(await total()).toBe(before);
      // installation support is a product of its own: the free level books it too
      expect(await install(customerNumber, { product: `Installed for ${customerNumber}` })).toMatchObject({
        __typename: "BookingRequested",
        booking: { tier: { code: "CRM-FREE" } },
      });
    });

    it.each([
      ["a closed account", "C-CLOSED", undefined, "ValidationError", "customerNumber"],
      ["an unknown customer", "C-NOBODY", undefined, "NotFoundError", "customerNumber"],
      ["another customer's account", "C-OTHER", "customer", "NotFoundError", "customerNumber"],
      ["a partner for an account it did not sell", "C-PREMIUM", "partner", "NotFoundError", "customerNumber"],
    ])("refuses %s, writing nothing", async (_label, customerNumber, who, typename, field) => {
      const before = await total();
      const token = who === "customer" ? customer : who === "partner" ? partner : undefined;
      expect(await remote(customerNumber, {}, token)).toMatchObject({ __typename: typename, field });
      expect(await total()).toBe(before);
    });

    it.each([
      ["a start in the past", { proposals: ["2026-03-10T08:30:00+01:00"] }, "proposals.0"],
      ["a second proposal in the past", { proposals: [WEDNESDAY_10, "2026-03-09T10:00:00+01:00"] }, "proposals.1"],
      ["a start more than 180 days ahead", { proposals: ["2026-09-08T10:00:00+02:00"] }, "proposals.0"],
      ["10 minutes", { durationMinutes: 10 }, "durationMinutes"],
      ["9 hours", { durationMinutes: 540 }, "durationMinutes"],
      ["no proposal", { proposals: [] }, "proposals"],
      ["a repeated proposal", { proposals: [WEDNESDAY_10, "2026-03-11T09:00:00Z"] }, "proposals.1"],
      ["overlapping proposals", { proposals: [WEDNESDAY_10, "2026-03-11T10:30:00+01:00"] }, "proposals.1"],
      ["a start with seconds", { proposals: ["2026-03-11T10:00:30+01:00"] }, "proposals.0"],
      ["a malformed idempotency key", { idempotencyKey: "two words" }, "idempotencyKey"],
      ["a product name of 101 characters", { product: "x".repeat(101) }, "product"],
    ])("refuses %s, naming the field and writing nothing", async (_label, change, field) => {
      const before = await total();
      expect(await remote("C-PREMIUM", change, customer)).toMatchObject({ __typename: "ValidationError", code: "VALIDATION", field });
      expect(await total()).toBe(before);
    });

    it("lets a partner book for the accounts it sold", async () => {
      const result = await install("C-RESOLD", { product: "Telephony bridge" }, partner);
      expect(result).toMatchObject({ __typename: "BookingRequested", booking: { kind: "INSTALLATION", account: { customerNumber: "C-RESOLD" } } });
    });
  });

  describe("a booking covers one installation", () => {
    it("allows one open installation booking per product until it is done or cancelled", async () => {
      const first = await install("C-OTHER", { product: "Mail archive" });
      expect(first.booking).toMatchObject({ kind: "INSTALLATION", installations: 1, durationMinutes: 120, product: "Mail archive" });
      const before = await total();
      expect(await install("C-OTHER", { product: "mail  ARCHIVE", proposals: [THURSDAY_14] })).toMatchObject({ __typename: "ConflictError", field: "product" });
      expect(await total()).toBe(before);
      expect((await install("C-OTHER", { product: "Scanner driver", proposals: [THURSDAY_14] })).__typename).toBe("BookingRequested");
      expect((await call(CANCEL, { id: first.booking.id })).booking.state).toBe("CANCELLED");
      expect((await install("C-OTHER", { product: "Mail archive", proposals: [THURSDAY_14] })).__typename).toBe("BookingRequested");
    });
  });

  describe("product names compare case-insensitively and literally", () => {
    it("treats %, _ and \\ in a product name as the characters they are", async () => {
      const product = "Sync 100%_\\";
      expect(await install("C-OTHER", { product })).toMatchObject({ __typename: "BookingRequested", booking: { product } });
      expect(await install("C-OTHER", { product: "SYNC 100%_\\", proposals: [THURSDAY_14] })).toMatchObject({ __typename: "ConflictError", field: "product" });
      // as LIKE patterns, % and _ would make these the same product as the first
      expect((await install("C-OTHER", { product: "Sync 100abc\\", proposals: [THURSDAY_14] })).__typename).toBe("BookingRequested");
      expect((await install("C-OTHER", { product: "Sync 100%x\\", proposals: [THURSDAY_14] })).__typename).toBe("BookingRequested");
    });
  });

  describe("at the same time", () => {
    it("of five requests for one product's installation exactly one is booked", async () => {
      const weekdays = ["11", "12", "13", "16", "17"];
      const results = await Promise.all(weekdays.map((day) => install("C-RESOLD", { product: "Fax gateway", proposals: [`2026-03-${day}T15:00:00+01:00`] })));
      expect(results.map((r) => r.__typename).sort()).toEqual(["BookingRequested", "ConflictError", "ConflictError", "ConflictError", "ConflictError"]);
    });

    it("five retries of one request create one booking and replay it four times", async () => {
      const input = { customerNumber: "C-RESOLD", proposals: [THURSDAY_14], durationMinutes: 45, idempotencyKey: key() };
      const results = await Promise.all(Array.from({ length: 5 }, () => call(REMOTE, input)));
      expect(new Set(results.map((r) => r.booking.id)).size).toBe(1);
      expect(results.map((r) => r.replayed).sort()).toEqual([false, true, true, true, true]);
    });
  });

  describe("confirming, completing and cancelling", () => {
    it("staff confirm one proposal; customers and partners may not", async () => {
      const booking = await requested();
      expect(await call(CONFIRM, { id: booking.id, proposal: 1 }, customer)).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
      expect(await call(CONFIRM, { id: booking.id, proposal: 1 }, partner)).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
      expect(await call(CONFIRM, { id: booking.id, proposal: 2 }, agent)).toMatchObject({ __typename: "ValidationError", field: "proposal" });
      const confirmed = await call(CONFIRM, { id: booking.id, proposal: 1 }, agent);
      expect(confirmed.booking).toMatchObject({ state: "CONFIRMED", confirmedStart: "2026-03-12T13:00:00.000Z", confirmedEnd: "2026-03-12T14:00:00.000Z" });
      expect(await call(CONFIRM, { id: booking.id, proposal: 0 }, agent)).toMatchObject({
        __typename: "BookingTransitionError",
        code: "INVALID_TRANSITION",
        state: "CONFIRMED",
      });
    });

    it("completing a unit-based booking needs the session begun, the minutes worked and enough units", async () => {
      const booking = await requested();
      await call(CONFIRM, { id: booking.id, proposal: 0 }, agent);
      expect(await call(COMPLETE, { id: booking.id, workedMinutes: 50 }, agent)).toMatchObject({ __typename: "BookingTransitionError", state: "CONFIRMED" });
      clock.set("2026-03-11T11:00:00+01:00");
      try {
        expect(await call(COMPLETE, { id: booking.id }, agent)).toMatchObject({ __typename: "ValidationError", field: "workedMinutes" });
        expect(await call(COMPLETE, { id: booking.id, workedMinutes: 50 }, agent)).toMatchObject({
          __typename: "InsufficientUnitsError",
          field: "workedMinutes",
          balance: 0,
          shortfall: 4,
        });
        expect((await call(CANCEL, { id: booking.id, reason: "probe" }, customer)).__typename).toBe("BookingCancelSuccess");
      } finally {
        clock.set(NOW);
      }
    });

    it("records the debit with the booking once the units are there", async () => {
      await call(`mutation($input: UnitsAdjustInput!) { unitsAdjust(input: $input) { __typename } }`, {
        customerNumber: "C-OTHER",
        units: 10,
        reason: "goodwill",
        idempotencyKey: key(),
      });
      const booking = await requested("C-OTHER");
      await call(CONFIRM, { id: booking.id, proposal: 0 }, agent);
      clock.set("2026-03-11T11:00:00+01:00");
      try {
        const done = await call(COMPLETE, { id: booking.id, workedMinutes: 50 }, agent);
        expect(done.booking).toMatchObject({
          state: "DONE",
          workedMinutes: 50,
          unitDebit: { kind: "WORK_DEBIT", units: -4, balanceAfter: 6, workLogId: rawId(booking.id) },
        });
        expect(await call(COMPLETE, { id: booking.id, workedMinutes: 50 }, agent)).toMatchObject({ __typename: "BookingTransitionError", state: "DONE" });
        expect(await call(CANCEL, { id: booking.id }, agent)).toMatchObject({ __typename: "BookingTransitionError", state: "DONE" });
        const { unitLedger } = dataOf(await t.gql(`{ unitLedger(customerNumber: "C-OTHER") { balance } }`));
        expect(unitLedger.balance).toBe(6);
      } finally {
        clock.set(NOW);
      }
    });

    it("customers cancel their own bookings, once", async () => {
      const booking = await requested();
      const cancelled = await call(CANCEL, { id: booking.id, reason: "  Solved it myself " }, customer);
      expect(cancelled.booking).toMatchObject({ state: "CANCELLED", cancellationReason: "Solved it myself" });
      expect(await call(CANCEL, { id: booking.id }, customer)).toMatchObject({ __typename: "BookingTransitionError", state: "CANCELLED" });
      expect(await call(CANCEL, { id: booking.id }, partner)).toMatchObject({ __typename: "NotFoundError", field: "id" });
    });

    it("names a malformed id", async () => {
      expect(await call(CANCEL, { id: "not-an-id" }, agent)).toMatchObject({ __typename: "ValidationError", field: "id" });
    });
  });

  describe("listing", () => {
    it("filters by customer, state and kind; customers and partners see only their accounts", async () => {
      // its own bookings: one requested and one cancelled for C-PREMIUM, an installation for the partner's C-RESOLD, one for C-OTHER
      await requested();
      const cancelled = await requested();
      expect((await call(CANCEL, { id: cancelled.id }, agent)).booking.state).toBe("CANCELLED");
      expect((await install("C-RESOLD", { product: "Listing check" }, partner)).__typename).toBe("BookingRequested");
      await requested("C-OTHER");
      const all = await bookings({ customerNumber: "C-PREMIUM" });
      const requestedOnly = await bookings({ customerNumber: "C-PREMIUM", state: ["REQUESTED"] });
      expect(requestedOnly.totalCount).toBe(all.edges.filter((e: any) => e.node.state === "REQUESTED").length);
      expect(requestedOnly.totalCount).toBeGreaterThan(0);
      expect(requestedOnly.totalCount).toBeLessThan(all.totalCount);
      const installations = await bookings({ kind: "INSTALLATION" });
      expect(new Set(installations.edges.map((e: any) => e.node.kind))).toEqual(new Set(["INSTALLATION"]));

      const mine = await bookings({}, customer);
      expect(new Set(mine.edges.map((e: any) => e.node.account.customerNumber))).toEqual(new Set(["C-PREMIUM"]));
      expect(mine.totalCount).toBe(all.totalCount);
      const sold = await bookings({}, partner);
      expect(new Set(sold.edges.map((e: any) => e.node.account.customerNumber))).toEqual(new Set(["C-RESOLD"]));
      const other = (await bookings({ customerNumber: "C-OTHER" })).edges[0].node.id;
      const node = `query($id: ID!) { node(id: $id) { ... on Booking { id } } }`;
      expect(dataOf(await t.gql(node, { id: other }, agent)).node).toEqual({ id: other });
      const hidden = await t.gql(node, { id: other }, customer);
      expect(hidden).toMatchObject({ data: { node: null } });
      expect(hidden.errors).toBeUndefined();
      const refused = await t.gql(BOOKINGS, { customerNumber: "C-OTHER" }, customer);
      expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    });
  });
});
