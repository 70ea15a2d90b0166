import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GqlResponse, postGql } from "../../helpers/gql.ts";
import { queryCounter } from "../../helpers/query-counter.ts";
import { createAccount } from "../../helpers/support.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { DEFAULT_LIMITS } from "../../../src/server/limits/limits.ts";

/** `levels` hops of ledger → entries(first: 100) → account → ledger …, the fan-out a customer may write in a few hundred bytes. */
function ledgerFanOut(customerNumber: string, levels: number): string {
  let inner = "seq";
  for (let level = 1; level < levels; level++) inner = `seq account { unitLedger { entries(first: 100) { edges { node { ${inner} } } } } }`;
  return `{ unitLedger(customerNumber: "${customerNumber}") { entries(first: 100) { edges { node { ${inner} } } } } }`;
}

const PREVIEW = `previewCalendar(input: { name: "x", timeZone: "Europe/Berlin", weeklyHours: [], holidayRegions: ["DE"] }) { holidays(from: "2026-01-01", to: "2028-12-31") { date name } }`;
const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${PREVIEW}`).join(" ")} }`;

const refusal = (body: GqlResponse, code: string) => body.errors?.find((error) => error.extensions?.code === code);

describe("every operation is bounded before anything runs, and the refusal names the limit", () => {
  const counter = queryCounter();
  let t: TestApp;
  let customer: string;
  beforeAll(async () => {
    t = await startTestApp({ wrapAdapter: counter.wrap });
    await createAccount(t, "C-FANOUT");
    customer = await t.token("CUSTOMER", { customerNumber: "C-FANOUT" });
  });
  afterAll(() => t.stop());

  it("refuses a customer's ledger fan-out by its cost, reading no ledger, while a probe is answered", async () => {
    const { result, statements } = await counter.measure(() =>
      Promise.all([t.gql(ledgerFanOut("C-FANOUT", 3), {}, customer), t.gql(`{ workspace { slug } }`, {}, customer)]),
    );
    const [attempt, probe] = result;
    expect(attempt.data).toBeUndefined();
    expect(refusal(attempt, "COST_LIMIT")?.extensions).toEqual({
      code: "COST_LIMIT",
      limit: DEFAULT_LIMITS.costBudgets.CUSTOMER,
      measured: expect.any(Number),
    });
    expect(refusal(attempt, "COST_LIMIT")!.extensions!.measured).toBeGreaterThan(100 ** 3);
    expect(probe.data).toEqual({ workspace: { slug: "default" } });
    expect(statements.filter((sql) => /UnitLedgerEntry/i.test(sql))).toEqual([]);
  });

  it("refuses the four-level fan-out by its depth at validation", async () => {
    const attempt = await t.gql(ledgerFanOut("C-FANOUT", 4), {}, customer);
    expect(refusal(attempt, "MAX_DEPTH")?.extensions).toEqual({ code: "MAX_DEPTH", limit: DEFAULT_LIMITS.depth, measured: 20 });
  });

  it("lets the same ledger page through for a customer when it fits the budget", async () => {
    const body = await t.gql(
      `{ unitLedger(customerNumber: "C-FANOUT") { entries(first: 100) { edges { node { seq account { customerNumber } } } } } }`,
      {},
      customer,
    );
    expect(body.errors).toBeUndefined();
  });

  it("refuses 300 aliases of a three-year holiday preview while it is parsed, anonymously or not, with a probe answered meanwhile", async () => {
    for (const token of [undefined, ADMIN_TOKEN]) {
      const [attempt, probe] = await Promise.all([postGql(t.url, aliases(300), {}, token), postGql(t.url, `{ __typename }`, {}, token)]);
      expect(attempt.data).toBeUndefined();
      expect(refusal(attempt, "MAX_TOKENS")?.extensions).toEqual({ code: "MAX_TOKENS", limit: DEFAULT_LIMITS.tokens, measured: DEFAULT_LIMITS.tokens + 1 });
      expect(probe.data).toEqual({ __typename: "Query" });
    }
  });

  it("refuses more aliases than the limit at validation, with their count", async () => {
    const attempt = await t.gql(aliases(DEFAULT_LIMITS.aliases + 5));
    expect(attempt.data).toBeUndefined();
    expect(refusal(attempt, "MAX_ALIASES")?.extensions).toEqual({ code: "MAX_ALIASES", limit: DEFAULT_LIMITS.aliases, measured: DEFAULT_LIMITS.aliases + 5 });
  });

  it("prices a page by the first or last it asks for, through variables too", async () => {
    const query = `query($n: Int) { unitLedger(customerNumber: "C-FANOUT") { entries(last: $n) { edges { node { account { unitLedger { entries(first: $n) { edges { node { seq } } } } } } } } } }`;
    const small = await t.gql(query, { n: 10 }, customer);
    expect(small.errors).toBeUndefined();
    const large = await t.gql(query, { n: 1000 }, customer);
    expect(refusal(large, "COST_LIMIT")?.extensions?.measured).toBeGreaterThan(1000 * 1000);
    // the same document again: priced by this request's page size, not the one before it
    expect((await t.gql(query, { n: 10 }, customer)).errors).toBeUndefined();
    expect(refusal(await t.gql(query, { n: 1000 }, customer), "COST_LIMIT")).toBeDefined();
  });

  it("prices each operation of a document by itself, however often the document is sent", async () => {
    const document = `query Cheap { workspace { slug } } query Dear ${ledgerFanOut("C-FANOUT", 3)}`;
    const send = (operationName: string) => postGql(t.url, document, {}, customer, {}, operationName);
    for (let round = 0; round < 2; round++) {
      const dear = await send("Dear");
      expect(refusal(dear, "COST_LIMIT"), JSON.stringify(dear)).toBeDefined();
      expect((await send("Cheap")).errors).toBeUndefined();
    }
  });

  it("gives an anonymous caller almost nothing: one holiday preview reaches authorisation, three are refused before it as UNAUTHENTICATED with the budget", async () => {
    // one is within the budget: authorisation refuses it (previewCalendar needs a credential), naming no budget
    expect((await postGql(t.url, `{ ${PREVIEW} }`)).errors?.map((error) => error.extensions)).toEqual([{ code: "UNAUTHENTICATED" }]);
    const { result: body, statements } = await counter.measure(() => postGql(t.url, aliases(3)));
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: { code: "UNAUTHENTICATED", limit: DEFAULT_LIMITS.costBudgets.ANONYMOUS, measured: expect.any(Number) } }),
    ]);
    expect(body.errors![0]!.extensions!.measured).toBeGreaterThan(DEFAULT_LIMITS.costBudgets.ANONYMOUS);
    expect(statements).toEqual([]);
  });

  it("stops a document nested a thousand deep while it is parsed, by its tokens", async () => {
    const deep = `{ ${'account(customerNumber: "C-FANOUT") { unitLedger { account { '.repeat(1_000)}id${" } } }".repeat(1_000)} }`;
    const body = await t.gql(deep);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "MAX_TOKENS", limit: DEFAULT_LIMITS.tokens }) })]);
  });

  it("refuses too many directives with their count", async () => {
    const body = await t.gql(`{ ${Array.from({ length: 60 }, () => "__typename @include(if: true)").join(" ")} }`);
    expect(refusal(body, "MAX_DIRECTIVES")?.extensions).toEqual({ code: "MAX_DIRECTIVES", limit: DEFAULT_LIMITS.directives, measured: 60 });
  });

  it("answers deeply nested variables with a plain input error, not an internal one", async () => {
    // written by hand: JSON.stringify itself runs out of stack on values this deep
    for (const [open, close] of [
      ['{"name":', "}"],
      ["[", "]"],
    ]) {
      const input = `${open!.repeat(20_000)}"x"${close!.repeat(20_000)}`;
      const response = await fetch(`${t.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
        body: `{"query":"query($input: BusinessCalendarInput!) { previewCalendar(input: $input) { timeZone } }","variables":{"input":${input}}}`,
      });
      const body = (await response.json()) as GqlResponse;
      expect(response.status).toBeLessThan(500);
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(body.errors!.map((error) => error.extensions?.code)).not.toContain("INTERNAL_SERVER_ERROR");
    }
  });
});
