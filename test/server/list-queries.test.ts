import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../helpers/gql.ts";
import { queryCounter } from "../helpers/query-counter.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

const ignored = /pg_try_advisory|OutboxEvent|^\s*(BEGIN|COMMIT|ROLLBACK)/i;

/** No N+1: a list page with relations costs as many SQL statements for 3 rows as for 30. */
describe("list pages cost a constant number of statements", () => {
  const counter = queryCounter();
  let t: TestApp;
  const statements = async (query: string, variables: Record<string, unknown>, rows: (data: any) => unknown[], expected: number) => {
    const { result, statements } = await counter.measure(() => t.gql(query, variables));
    expect(rows(dataOf(result))).toHaveLength(expected);
    return statements.filter((sql) => !ignored.test(sql));
  };

  beforeAll(async () => {
    t = await startTestApp({ wrapAdapter: counter.wrap });
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-LIST", name: "List partner" }) { __typename } }`));
    for (let i = 0; i < 30; i++) {
      dataOf(
        await t.gql(`mutation($n: String!) { accountCreate(input: { customerNumber: $n, name: "Listed", partnerCode: "P-LIST" }) { __typename } }`, {
          n: `C-L${100 + i}`,
        }),
      );
      dataOf(
        await t.gql(
          `mutation($k: String!) { unitsAdjust(input: { customerNumber: "C-L100", units: 2, reason: "goodwill", idempotencyKey: $k }) { __typename } }`,
          { k: `adjust-${i}` },
        ),
      );
    }
  }, 120_000);
  afterAll(() => t.stop());

  it("accounts with their partner", async () => {
    const query = `query($first: Int!) { accounts(first: $first) { totalCount edges { node { customerNumber partner { code name } } } } }`;
    const rows = (data: any) => data.accounts.edges;
    const three = await statements(query, { first: 3 }, rows, 3);
    const thirty = await statements(query, { first: 30 }, rows, 30);
    expect(thirty.length, thirty.join("\n")).toBe(three.length);
  });

  it("a unit ledger statement with the account of every entry", async () => {
    const query = `query($first: Int!) { unitLedger(customerNumber: "C-L100") { balance entries(first: $first) { totalCount edges { node { seq kind units balanceAfter reason account { customerNumber } } } } } }`;
    const rows = (data: any) => data.unitLedger.entries.edges;
    const three = await statements(query, { first: 3 }, rows, 3);
    const thirty = await statements(query, { first: 30 }, rows, 30);
    expect(thirty.length, thirty.join("\n")).toBe(three.length);
  });
});
