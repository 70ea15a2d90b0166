import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadEcommerceBackoffice } from "../../fixtures/policies/002-ecommerce-backoffice.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { queryCounter } from "../../helpers/query-counter.ts";
import { createAccount, subscribe } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { createTicket } from "../../helpers/tickets.ts";
import { createWorkspace } from "../../helpers/workspaces.ts";

const COUNTS = `query($filter: TicketFilterInput) { ticketCounts(filter: $filter) { total unassigned } tickets(first: 1, filter: $filter) { totalCount } }`;

describe("queue counts are counted once per scope, filter and QUEUE_COUNTS_MS, and shared", () => {
  const clock = testClock("2026-03-02T09:00:00+01:00");
  const counter = queryCounter();
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: clock.now, wrapAdapter: counter.wrap, env: { QUEUE_COUNTS_MS: "1000" } });
    await loadEcommerceBackoffice(t);
    await createAccount(t, "C-GOLD", { language: "de" });
    await subscribe(t, "C-GOLD", "GOLD");
    await createTicket(t, { customerNumber: "C-GOLD" });
  });
  afterAll(() => t.stop());
  // every test starts in a window of its own: no test reuses a count another test's request made
  beforeEach(() => clock.advance(1_000));

  // Only the queue's own count statement: the SLA monitor's tick also says count(*).
  const counts = async (token?: string) => {
    const { result, statements } = await counter.measure(() => t.gql(COUNTS, { filter: {} }, token));
    return { data: dataOf(result) as any, counted: statements.filter((sql) => /count\(\*\)::int AS n,/i.test(sql)).length };
  };

  it("shares one count between requests and agents within the window, and counts again after it", async () => {
    const first = await counts();
    const open = first.data.ticketCounts.total; // the setup's ticket and any another test opened
    expect(open).toBeGreaterThanOrEqual(1);
    expect(first.data.tickets.totalCount).toBe(open);
    expect(first.counted).toBe(1); // ticketCounts and totalCount share it
    const agent = await t.token("AGENT");
    const again = await counts(agent);
    expect(again.counted).toBe(0);

    await createTicket(t, { customerNumber: "C-GOLD" });
    expect((await counts()).data.ticketCounts.total).toBe(open); // within the window: the shared answer
    clock.advance(1_000);
    const later = await counts();
    expect(later.counted).toBe(1);
    expect(later.data.ticketCounts.total).toBe(open + 1);
  });

  it("does not share between workspaces: another vendor's staff count their own queue", async () => {
    await counts(); // this workspace's count, shared for the window
    const other = await createWorkspace(t, "counts-other-vendor");
    const { result, statements } = await counter.measure(() => other.gql(COUNTS, { filter: {} }));
    expect((dataOf(result) as any).ticketCounts.total).toBe(0);
    expect(statements.filter((sql) => /count\(\*\)::int AS n,/i.test(sql))).toHaveLength(1);
  });

  it("does not share between scopes: a customer counts its own tickets", async () => {
    // an account of its own with two tickets: the fixture's C-GOLD gains tickets in the sharing test
    await createAccount(t, "C-COUNTS-OWN", { language: "de" });
    await subscribe(t, "C-COUNTS-OWN", "GOLD");
    for (let i = 0; i < 2; i++) await createTicket(t, { customerNumber: "C-COUNTS-OWN" });
    const customer = await t.token("CUSTOMER", { customerNumber: "C-COUNTS-OWN" });
    const own = await counts(customer);
    expect(own.counted).toBe(1);
    expect(own.data.ticketCounts.total).toBe(2);
  });
});
