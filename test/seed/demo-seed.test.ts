import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICIES } from "../../src/seed/demo/policies.ts";
import { dataOf } from "../helpers/gql.ts";
import { entitlement, reasonCodes } from "../helpers/support.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

describe("the demo data set's support catalog", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED: "demo" } });
  });
  afterAll(() => t.stop());

  it("holds the five sources' tiers with one included level", async () => {
    const { tiers } = dataOf(await t.gql(`{ tiers(first: 50) { totalCount edges { node { code includedByDefault } } } }`));
    expect(tiers.totalCount).toBe(POLICIES.flatMap((policy) => policy.tiers).length);
    expect(tiers.edges.filter((e: any) => e.node.includedByDefault).map((e: any) => e.node.code)).toEqual(["BASIS"]);
    const { requestType } = dataOf(await t.gql(`{ requestType(code: "DEFECT") { requiredInformation { key } } }`));
    expect(requestType.requiredInformation).toHaveLength(4);
  });

  it.each([
    ["C-10001", "EMAIL", "SUBSCRIPTION", "GOLD", []],
    ["C-10002", "TICKET", "SUBSCRIPTION", "DLV-PREMIUM", []],
    ["C-10003", "EMAIL", "FALLBACK", "BASIS", ["PAYMENT_OVERDUE"]],
    // Basis is staffed in German; these two ask in their own languages, es and en
    ["C-10005", "EMAIL", "FALLBACK", "BASIS", ["ACCOUNT_INACTIVE", "!LANGUAGE_NOT_OFFERED"]],
    ["C-10006", "EMAIL", "INCLUDED", "BASIS", ["!ACCOUNT_INACTIVE", "!LANGUAGE_NOT_OFFERED"]],
  ])("%s gets %s on %s", async (customerNumber, channel, basis, code, reasons) => {
    const answer = await entitlement(t, { customerNumber, channel, requestType: "TECHNICAL_QUESTION" });
    expect(answer).toMatchObject({ basis, tier: { code } });
    expect(reasonCodes(answer)).toEqual(reasons);
  });
});

describe("the demo data set's day of tickets", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED: "demo" } });
  });
  afterAll(() => t.stop());

  it("opens them through the services: tiers, priorities, clocks and kinds as intake decides", async () => {
    const { tickets } = dataOf(
      await t.gql(`{ tickets(first: 50, filter: { statuses: [NEW, AWAITING_INFORMATION, OPEN, AWAITING_CUSTOMER, ON_HOLD, SOLVED] }) {
        totalCount edges { node { subject status kind tier { code } priority { rank } slaClocks { state } } } } }`),
    );
    expect(tickets.totalCount).toBe(11);
    const bySubject = Object.fromEntries(tickets.edges.map((e: any) => [e.node.subject, e.node]));
    expect(bySubject["Custom invoice layout"]).toMatchObject({ kind: "PAID_OFFER", slaClocks: [] });
    expect(bySubject["Add-on breaks the CRM database"]).toMatchObject({ status: "AWAITING_INFORMATION", tier: { code: "CRM-PREMIUM" }, slaClocks: [{ state: "NOT_STARTED" }] });
    expect(bySubject["Bulk-edit shipping rules"]).toMatchObject({ status: "SOLVED", tier: { code: "GOLD" }, priority: { rank: 4 } });
    expect(bySubject["Taux de rebond élevé"]).toMatchObject({ status: "AWAITING_CUSTOMER", slaClocks: [{ state: "MET" }] });
    expect(tickets.edges[0].node.priority.rank).toBe(4);
  });
});
