import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../helpers/gql.ts";
import { expectLedgerConsistent } from "../helpers/ledger.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { prismaIn } from "../helpers/workspace-db.ts";

// Prepaid units are the CRM add-on vendor's (001): its workspace holds the price list and ledgers.
describe("the demo data set's unit ledgers", () => {
  let t: TestApp;
  let gql: TestApp["gql"];
  let workspaceId: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { SEED: "demo" } });
    gql = (query, variables) => t.gql(query, variables, ADMIN_TOKEN, { "x-workspace": "source-001" });
    workspaceId = (await t.app.services.workspaces.idOf("source-001"))!;
  });
  afterAll(() => t.stop());

  it("sells three packages, cheaper per unit the more is bought", async () => {
    const { unitPackages } = dataOf(await gql(`{ unitPackages { code pricePerUnit { amountMinor } } }`));
    expect(unitPackages.map((p: any) => p.code)).toEqual(["UNITS-4", "UNITS-20", "UNITS-40"]);
    const perUnit = unitPackages.map((p: any) => p.pricePerUnit.amountMinor);
    expect([...perUnit].sort((a, b) => b - a)).toEqual(perUnit);
  });

  it.each([
    ["C-10008", 36],
    ["C-10004", 5],
  ])("%s holds %i units, consistently", async (customerNumber, balance) => {
    const { unitLedger } = dataOf(await gql(`query($n: String!) { unitLedger(customerNumber: $n) { balance lowBalanceThreshold } }`, { n: customerNumber }));
    expect(unitLedger).toEqual({ balance, lowBalanceThreshold: 4 });
    const account = await prismaIn(t.app, workspaceId).account.findFirstOrThrow({ where: { customerNumber } });
    expect((await expectLedgerConsistent(t.app, account.id, workspaceId)).balance).toBe(balance);
  });
});
