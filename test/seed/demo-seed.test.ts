import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_VENDORS, sourceSlug } from "../../src/seed/demo/demo-workspaces.ts";
import { seedDemo } from "../../src/seed/seed-demo.ts";
import { dataOf } from "../helpers/gql.ts";
import { entitlement, reasonCodes } from "../helpers/support.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";

/** GraphQL as the platform administrator acting in one source's workspace. */
const inSource = (t: TestApp, source: string) =>
  ({
    ...t,
    gql: (query: string, variables?: Record<string, unknown>) => t.gql(query, variables, ADMIN_TOKEN, { "x-workspace": sourceSlug(source) }),
  }) as TestApp;

describe("the demo data set", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED: "demo" } });
  });
  afterAll(() => t.stop());

  it("loads five workspaces, one per source policy, next to `default`", async () => {
    const { workspaces } = dataOf(await t.gql(`{ workspaces(first: 10) { totalCount edges { node { slug name } } } }`));
    expect(workspaces.edges.map((e: any) => e.node.slug).sort()).toEqual(["default", "source-000", "source-001", "source-002", "source-003", "source-004"]);
  });

  it.each(DEMO_VENDORS.map((vendor) => [vendor.policy.source, vendor] as const))(
    "source %s: its own tiers (at most one included level), customers and tickets only",
    async (source, vendor) => {
      const s = inSource(t, source);
      const { tiers, accounts } = dataOf(
        await s.gql(`{ tiers(first: 50) { edges { node { code includedByDefault } } } accounts(first: 50) { edges { node { customerNumber } } } }`),
      );
      expect(tiers.edges.map((e: any) => e.node.code).sort()).toEqual(vendor.policy.tiers.map((tier) => tier.code).sort());
      expect(tiers.edges.filter((e: any) => e.node.includedByDefault).length).toBeLessThanOrEqual(1);
      expect(accounts.edges.map((e: any) => e.node.customerNumber).sort()).toEqual(vendor.accounts.map((account) => account.customerNumber).sort());
    },
  );

  it.each([
    ["002", "C-10001", "EMAIL", "SUBSCRIPTION", "GOLD", []],
    ["004", "C-10002", "TICKET", "SUBSCRIPTION", "DLV-PREMIUM", []],
    ["001", "C-10004", "TICKET", "SUBSCRIPTION", "CRM-PREMIUM", []],
  ])("source %s: %s gets %s on %s", async (source, customerNumber, channel, basis, code, reasons) => {
    const answer = await entitlement(inSource(t, source), { customerNumber, channel, requestType: "TECHNICAL_QUESTION" });
    expect(answer).toMatchObject({ basis, tier: { code } });
    expect(reasonCodes(answer)).toEqual(reasons);
  });

  it("opens each vendor's day of tickets in its own workspace: 002's Gold defect is not held by another vendor's checklist", async () => {
    const TICKETS = `{ tickets(first: 50, filter: { statuses: [NEW, AWAITING_INFORMATION, OPEN, AWAITING_CUSTOMER, ON_HOLD, SOLVED] }) {
      totalCount edges { node { subject status kind tier { code } priority { rank } slaClocks { state } } } } }`;
    const bySubject = async (source: string) =>
      Object.fromEntries(dataOf(await inSource(t, source).gql(TICKETS)).tickets.edges.map((e: any) => [e.node.subject, e.node]));
    const ecommerce = await bySubject("002");
    expect(ecommerce["Order export stops at 80 %"]).toMatchObject({
      status: "OPEN",
      tier: { code: "GOLD" },
      priority: { rank: 4 },
      slaClocks: [{ state: "MET" }],
    });
    expect(ecommerce["Bulk-edit shipping rules"]).toMatchObject({ status: "SOLVED", tier: { code: "GOLD" } });
    expect(ecommerce["Taux de rebond élevé"]).toBeUndefined();
    const crm = await bySubject("001");
    expect(crm["Add-on breaks the CRM database"]).toMatchObject({
      status: "AWAITING_INFORMATION",
      tier: { code: "CRM-PREMIUM" },
      slaClocks: [{ state: "NOT_STARTED" }],
    });
    expect(Object.keys(crm)).not.toContain("Order export stops at 80 %");
    const email = await bySubject("004");
    expect(email["Taux de rebond élevé"]).toMatchObject({ status: "AWAITING_CUSTOMER", slaClocks: [{ state: "MET" }] });
  });

  it("loads nothing on a database that holds data already", async () => {
    expect(await seedDemo(t.app.db.prisma, t.app.services)).toBe(false);
    expect(await t.app.services.workspaces.allIds()).toHaveLength(6);
  });
});
