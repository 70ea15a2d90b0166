import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEcommerceBackoffice } from "../../fixtures/policies/002-ecommerce-backoffice.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount, entitlement, reasonCodes, subscribe } from "../../helpers/support.ts";
import type { TestApp } from "../../helpers/test-app.ts";
import { startPolicyApp } from "../../fixtures/policies/policy-app.ts";
import { createTicket, tryCreateTicket } from "../../helpers/tickets.ts";

// 002 — Basis included from account creation; Bronze/Silver/Gold monthly with guaranteed first
// response in working hours Mon–Fri 09–17 (Europe/Berlin), Silver and Gold with phone callback.
describe("002 e-commerce back-office: support levels", () => {
  let t: TestApp;
  const clock = testClock("2026-03-02T08:00:00Z");

  beforeAll(async () => {
    t = await startPolicyApp("002", { now: clock.now });
    await loadEcommerceBackoffice(t);
    for (const number of ["C-BASIS", "C-BRONZE", "C-SILVER", "C-GOLD"]) await createAccount(t, number, { language: "de" });
    await subscribe(t, "C-BRONZE", "BRONZE");
    await subscribe(t, "C-SILVER", "SILVER");
    await subscribe(t, "C-GOLD", "GOLD");
  });
  afterAll(() => t.stop());

  it("gives a partner's customer no same-day premium: that rule is 001's, for 001's partners only", async () => {
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-SHOP", name: "Shop reseller" }) { __typename } }`));
    await createAccount(t, "C-PARTNER-SOLD", { language: "de", partnerCode: "P-SHOP" });
    // sold at 16:30 local time, asked the same evening: in 001 that is premium help (PARTNER_SALE)
    await t.prisma.account.updateMany({ where: { customerNumber: "C-PARTNER-SOLD" }, data: { createdAt: new Date("2026-03-10T16:30:00+01:00") } });
    const answer = await entitlement(t, {
      customerNumber: "C-PARTNER-SOLD",
      channel: "EMAIL",
      requestType: "TECHNICAL_QUESTION",
      at: "2026-03-10T19:00:00+01:00",
    });
    expect(answer).toMatchObject({ basis: "INCLUDED", tier: { code: "BASIS" } });
    expect(answer.channels.map((c: any) => c.channel).sort()).toEqual(["CONTACT_FORM", "EMAIL", "PORTAL"]);
  });

  it("promises a Gold customer's Friday 16:00 request for Monday 12:00 (4 working hours, Mon–Fri 09–17)", async () => {
    const answer = await entitlement(t, { customerNumber: "C-GOLD", channel: "EMAIL", requestType: "TECHNICAL_QUESTION", at: "2026-03-06T16:00:00+01:00" });
    expect(answer).toMatchObject({ eligible: true, basis: "SUBSCRIPTION", tier: { code: "GOLD" }, priority: { rank: 4, label: "highest" } });
    expect(answer.promise).toEqual([
      {
        kind: "FIRST_RESPONSE",
        amount: 4,
        unit: "HOURS",
        clock: "BUSINESS_HOURS",
        guaranteed: true,
        endOfDay: false,
        calendar: { name: "Paid support levels" },
        clockStartsAt: "2026-03-06T15:00:00.000Z",
        dueAt: "2026-03-09T11:00:00.000Z",
      },
    ]);
  });

  it.each([
    ["C-BRONZE", "BRONZE", 2, "medium", "2026-03-10T11:00:00.000Z"], // Fri 16–17 + Mon 8 h + Tue 09–12
    ["C-SILVER", "SILVER", 3, "high", "2026-03-09T15:00:00.000Z"], // Fri 16–17 + Mon 09–16
    ["C-GOLD", "GOLD", 4, "highest", "2026-03-09T11:00:00.000Z"],
  ])("%s: %s with priority %i (%s) answers a Friday 16:00 request by %s", async (customerNumber, code, rank, label, dueAt) => {
    const answer = await entitlement(t, { customerNumber, channel: "PORTAL", requestType: "DEFECT", at: "2026-03-06T16:00:00+01:00" });
    expect(answer).toMatchObject({ tier: { code }, priority: { rank, label } });
    expect(answer.promise[0]).toMatchObject({ dueAt, guaranteed: true });
  });

  it("gives a new account the Basis level automatically: best effort within 2 working days", async () => {
    const answer = await entitlement(t, { customerNumber: "C-BASIS", channel: "CONTACT_FORM", requestType: "USAGE_QUESTION", at: "2026-03-06T16:00:00+01:00" });
    expect(answer).toMatchObject({ eligible: true, basis: "INCLUDED", tier: { code: "BASIS" }, priority: { rank: 1, label: "normal" }, reasons: [] });
    expect(answer.promise[0]).toMatchObject({ amount: 2, unit: "DAYS", clock: "WORKING_DAYS", guaranteed: false, dueAt: "2026-03-10T15:00:00.000Z" });
    expect(answer.channels.map((c: any) => c.channel)).toEqual(["EMAIL", "PORTAL", "CONTACT_FORM"]);
  });

  it.each([
    ["C-BASIS", false],
    ["C-BRONZE", false],
    ["C-SILVER", true],
    ["C-GOLD", true],
  ])("phone callback for %s: %s", async (customerNumber, offered) => {
    const answer = await entitlement(t, { customerNumber, channel: "PHONE_CALLBACK", requestType: "USAGE_QUESTION", at: "2026-03-04T10:00:00+01:00" });
    expect(answer.eligible).toBe(offered);
    expect(reasonCodes(answer)).toEqual(offered ? [] : ["!CHANNEL_NOT_IN_TIER"]);
    if (!offered) expect(answer.reasons[0].message).toContain("SILVER, GOLD");
  });

  it("closes the phone callback outside Mon–Fri 09–17 and names the next opening", async () => {
    const answer = await entitlement(t, {
      customerNumber: "C-SILVER",
      channel: "PHONE_CALLBACK",
      requestType: "USAGE_QUESTION",
      at: "2026-03-04T17:30:00+01:00",
    });
    expect(answer.reasons).toEqual([
      expect.objectContaining({ code: "CHANNEL_CLOSED", blocking: true, channel: "PHONE_CALLBACK", nextOpeningAt: "2026-03-05T08:00:00.000Z" }),
    ]);
    expect(answer.promise).toEqual([]);
  });

  it.each(["C-BASIS", "C-BRONZE"])(
    "offers %s exactly e-mail, the portal and the contact form: a social-media message is not part of its level",
    async (customerNumber) => {
      const answer = await entitlement(t, { customerNumber, channel: "SOCIAL", requestType: "DEFECT", at: "2026-03-04T10:00:00+01:00" });
      expect(reasonCodes(answer)).toEqual(["!CHANNEL_NOT_IN_TIER"]);
      expect(answer.channels.map((c: any) => c.channel)).toEqual(["EMAIL", "PORTAL", "CONTACT_FORM"]);
    },
  );

  it("tells a Gold customer who phones that Gold calls back (PHONE_CALLBACK), naming no other vendor's levels", async () => {
    const answer = await entitlement(t, { customerNumber: "C-GOLD", channel: "PHONE", requestType: "USAGE_QUESTION", at: "2026-03-04T10:00:00+01:00" });
    expect(reasonCodes(answer)).toEqual(["!CHANNEL_NOT_IN_TIER"]);
    expect(answer.reasons[0].message).toBe("PHONE is not part of GOLD; GOLD offers PHONE_CALLBACK instead");
    const refused = await tryCreateTicket(t, { customerNumber: "C-GOLD", channel: "PHONE", requestTypeCode: "USAGE_QUESTION" });
    expect(refused).toMatchObject({ __typename: "NotEntitledError", reasons: [{ code: "CHANNEL_NOT_IN_TIER" }] });
    expect(refused.message).not.toMatch(/DLV-|CRM-|MAIL-/);
  });

  it("holds no 002 ticket for a checklist: a Gold defect's 4 working hours start at arrival", async () => {
    clock.set("2026-03-04T09:00:00Z"); // Wednesday 10:00 in Berlin
    const ticket = await createTicket(t, { customerNumber: "C-GOLD", channel: "PORTAL", requestTypeCode: "DEFECT", subject: "Order export stops at 80 %" });
    expect(ticket).toMatchObject({ status: "NEW", missingInformation: [], tier: { code: "GOLD" } });
    expect(ticket.slaClocks).toEqual([
      expect.objectContaining({ kind: "FIRST_RESPONSE", state: "RUNNING", startedAt: "2026-03-04T09:00:00.000Z", dueAt: "2026-03-04T13:00:00.000Z" }),
    ]);
  });

  it("accepts written channels around the clock, also on Sunday", async () => {
    const answer = await entitlement(t, { customerNumber: "C-BRONZE", channel: "PORTAL", requestType: "DEFECT", at: "2026-03-08T03:00:00+01:00" });
    expect(answer.eligible).toBe(true);
    expect(answer.promise[0]).toMatchObject({ clockStartsAt: "2026-03-09T08:00:00.000Z", dueAt: "2026-03-10T12:00:00.000Z" });
  });
});
