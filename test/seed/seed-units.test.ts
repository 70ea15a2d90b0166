import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../helpers/gql.ts";
import { expectLedgerConsistent } from "../helpers/ledger.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

describe("the demo data set's unit ledgers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SEED: "demo" } });
  });
  afterAll(() => t.stop());

  it("sells three packages, cheaper per unit the more is bought", async () => {
    const { unitPackages } = dataOf(await t.gql(`{ unitPackages { code pricePerUnit { amountMinor } } }`));
    expect(unitPackages.map((p: any) => p.code)).toEqual(["UNITS-4", "UNITS-20", "UNITS-40"]);
    const perUnit = unitPackages.map((p: any) => p.pricePerUnit.amountMinor);
    expect([...perUnit].sort((a, b) => b - a)).toEqual(perUnit);
  });

  it.each([
    ["C-10001", 34],
    ["C-10002", 22],
    ["C-10004", 5],
    ["C-10003", 0],
  ])("%s holds %i units, consistently", async (customerNumber, balance) => {
    const { unitLedger } = dataOf(await t.gql(`query($n: String!) { unitLedger(customerNumber: $n) { balance lowBalanceThreshold } }`, { n: customerNumber }));
    expect(unitLedger).toEqual({ balance, lowBalanceThreshold: 4 });
    const account = await t.app.db.prisma.account.findUniqueOrThrow({ where: { customerNumber } });
    expect((await expectLedgerConsistent(t.app, account.id)).balance).toBe(balance);
  });
});
