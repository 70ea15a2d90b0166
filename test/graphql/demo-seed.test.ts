import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICIES } from "../../src/db/demo/policies.ts";
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
