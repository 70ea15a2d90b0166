import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadItemSupport } from "../../fixtures/policies/003-item-support.ts";
import { createAccount, entitlement, reasonCodes } from "../../helpers/support.ts";
import { createTicket, tryCreateTicket } from "../../helpers/tickets.ts";
import type { TestApp } from "../../helpers/test-app.ts";
import { startPolicyApp } from "../../fixtures/policies/policy-app.ts";

const SATURDAY = "2026-03-14T10:00:00Z";

// 003 — item support: 24–48 calendar hours, best effort, ticket only; usage, technical questions,
// defects and updates in scope; customisation (paid offer instead) and outdated or modified
// products out of scope.
describe("003 item support policy", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startPolicyApp("003");
    await loadItemSupport(t);
    await createAccount(t, "C-BUYER", { language: "en" });
  });
  afterAll(() => t.stop());

  it.each(["USAGE_QUESTION", "TECHNICAL_QUESTION", "DEFECT", "UPDATE"])("covers %s within 48 calendar hours, weekends included", async (requestType) => {
    const answer = await entitlement(t, { customerNumber: "C-BUYER", channel: "TICKET", requestType, at: SATURDAY });
    expect(answer).toMatchObject({ eligible: true, basis: "INCLUDED", tier: { code: "ITEM" }, priority: { rank: 1, label: "normal" }, reasons: [] });
    expect(answer.promise).toEqual([
      expect.objectContaining({
        amount: 48,
        unit: "HOURS",
        clock: "CALENDAR",
        guaranteed: false,
        clockStartsAt: "2026-03-14T10:00:00.000Z",
        dueAt: "2026-03-16T10:00:00.000Z",
      }),
    ]);
  });

  it("sends customisation to a paid offer", async () => {
    const answer = await entitlement(t, { customerNumber: "C-BUYER", channel: "TICKET", requestType: "CUSTOMISATION", at: SATURDAY });
    expect(answer).toMatchObject({ eligible: false, promise: [] });
    expect(reasonCodes(answer)).toEqual(["!OUT_OF_SCOPE"]);
    expect(answer.reasons[0].message).toContain("paid offer");
  });

  it("declines outdated or modified products (update and ask again), not as a paid offer", async () => {
    const answer = await entitlement(t, { customerNumber: "C-BUYER", channel: "TICKET", requestType: "OUTDATED_PRODUCT", at: SATURDAY });
    expect(answer).toMatchObject({ eligible: false, promise: [] });
    expect(reasonCodes(answer)).toEqual(["!NOT_SUPPORTED"]);
    expect(answer.reasons[0].message).toContain("Update to the current, unmodified version of the item and ask again");
    expect(answer.reasons[0].message).not.toContain("paid offer");

    const before = await t.prisma.ticket.count();
    const refused = await tryCreateTicket(t, { customerNumber: "C-BUYER", channel: "TICKET", requestTypeCode: "OUTDATED_PRODUCT" });
    expect(refused).toMatchObject({ __typename: "NotEntitledError", code: "NOT_ENTITLED", field: "requestTypeCode", reasons: [{ code: "NOT_SUPPORTED" }] });
    expect(refused.message).toContain("ask again");
    expect(await t.prisma.ticket.count()).toBe(before);
  });

  it("still takes customisation as a paid-offer request, without SLA clocks", async () => {
    const ticket = await createTicket(t, { customerNumber: "C-BUYER", channel: "TICKET", requestTypeCode: "CUSTOMISATION" });
    expect(ticket).toMatchObject({ kind: "PAID_OFFER", slaClocks: [] });
  });

  it("takes tickets only", async () => {
    const answer = await entitlement(t, { customerNumber: "C-BUYER", channel: "EMAIL", requestType: "DEFECT", at: SATURDAY });
    expect(reasonCodes(answer)).toEqual(["!CHANNEL_NOT_IN_TIER"]);
    expect(answer.channels.map((c: any) => c.channel)).toEqual(["TICKET"]);
  });
});
