import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEcommerceBackoffice } from "../../fixtures/policies/002-ecommerce-backoffice.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { queryCounter } from "../../helpers/query-counter.ts";
import { createAccount, subscribe } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { createTicket, ticketDone } from "../../helpers/tickets.ts";

// The fast path (the page built as JSON in its own statement) answers a selection of tickets with
// tier, account and clocks; asking for the request type as well sends the page down the generic
// path (ids, then Prisma). Both must give the same answers, cursors and page info, on random data.
const FIELDS = `id number subject status kind channel language assigneeId teamId createdAt updatedAt nextDueAt atRiskAt solvedAt flags providedInformation
  priority { rank label } tier { code name includedByDefault unitBased warningThresholds } account { customerNumber name status paymentStatus createdAt }
  slaClocks { kind state startedAt dueAt metAt remainingBusinessMinutes elapsedFraction breached calendar { id name } }`;
const list = (extra: string) => `query($filter: TicketFilterInput, $first: Int, $after: String, $last: Int, $before: String) {
  tickets(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${FIELDS} ${extra} } } } }`;
const FAST = list("");
const GENERIC = list("requestType { code }");

const CUSTOMERS = ["C-GOLD", "C-SILVER", "C-BRONZE", "C-BASIS"];
const CHANNELS = ["EMAIL", "PORTAL", "CONTACT_FORM"];
const REQUEST_TYPES = ["USAGE_QUESTION", "DEFECT", "TECHNICAL_QUESTION"];

// At most two criteria at once: more would leave most filters empty.
const filterArbitrary = fc
  .tuple(
    fc.record({
      statuses: fc.subarray(["NEW", "OPEN", "AWAITING_CUSTOMER", "ON_HOLD", "SOLVED"], { minLength: 1 }),
      tierCodes: fc.subarray(["gold", "silver", "bronze", "basis"], { minLength: 1 }),
      priorityRanks: fc.subarray([1, 2, 3, 4], { minLength: 1 }),
      channels: fc.subarray(CHANNELS, { minLength: 1 }),
      teamIds: fc.subarray(["team-a", "team-b"], { minLength: 1 }),
      assigneeIds: fc.subarray(["agent-1", "agent-2", "agent-3"], { minLength: 1 }),
      unassigned: fc.boolean(),
      breached: fc.boolean(),
      atRisk: fc.boolean(),
    }),
    fc.subarray(["statuses", "tierCodes", "priorityRanks", "channels", "teamIds", "assigneeIds", "unassigned", "breached", "atRisk"] as const, {
      maxLength: 2,
    }),
  )
  .map(([values, keys]) => Object.fromEntries(keys.map((key) => [key, values[key]])));

describe("ticket pages: the one-statement fast path answers as the generic path does", () => {
  const clock = testClock("2026-03-02T08:00:00+01:00");
  const counter = queryCounter();
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: clock.now, wrapAdapter: counter.wrap });
    await loadEcommerceBackoffice(t);
    for (const [number, tier] of [
      ["C-GOLD", "GOLD"],
      ["C-SILVER", "SILVER"],
      ["C-BRONZE", "BRONZE"],
      ["C-BASIS", null],
    ] as const) {
      await createAccount(t, number, { language: "de" });
      if (tier) await subscribe(t, number, tier);
    }
    // Random tickets (fixed seed: a failure replays): arrivals in bursts (equal instants tie on id),
    // some assigned, paused, held or solved.
    const steps = fc.sample(
      fc.record({
        customer: fc.constantFrom(...CUSTOMERS),
        channel: fc.constantFrom(...CHANNELS),
        requestType: fc.constantFrom(...REQUEST_TYPES),
        gapMinutes: fc.constantFrom(0, 0, 7, 45, 180),
        afterwards: fc.constantFrom("none", "assign", "await", "hold", "solve", "none"),
      }),
      { numRuns: 36, seed: 1717 },
    );
    for (const [i, step] of steps.entries()) {
      clock.advance(step.gapMinutes * 60_000);
      const ticket = await createTicket(t, { customerNumber: step.customer, channel: step.channel, requestTypeCode: step.requestType, subject: `Random ${i}` });
      if (step.afterwards === "assign")
        await ticketDone(t, "ticketAssign", { ticketId: ticket.id, assigneeId: `agent-${1 + (i % 3)}`, teamId: i % 2 ? "team-a" : "team-b" });
      if (step.afterwards === "await") await ticketDone(t, "ticketAwaitCustomer", { ticketId: ticket.id });
      if (step.afterwards === "hold") await ticketDone(t, "ticketHold", { ticketId: ticket.id });
      if (step.afterwards === "solve") await ticketDone(t, "ticketSolve", { ticketId: ticket.id });
    }
    clock.advance(20 * 3_600_000); // some clocks breached, some at risk
  }, 240_000);
  afterAll(() => t.stop());

  const withoutRequestType = (page: any) => ({ ...page, edges: page.edges.map((edge: any) => ({ ...edge, node: { ...edge.node, requestType: undefined } })) });
  const read = async (query: string, variables: Record<string, unknown>) => dataOf(await t.gql(query, variables)).tickets;

  /** Every page of a filter, forward with `first` or backward with `last`, through both paths. */
  async function walk(filter: object, size: number, backward: boolean) {
    const pages: { fast: any; generic: any }[] = [];
    let cursor: string | null = null;
    do {
      const variables: Record<string, unknown> = backward ? { filter, last: size, before: cursor } : { filter, first: size, after: cursor };
      const fast: any = await read(FAST, variables);
      const generic: any = withoutRequestType(await read(GENERIC, variables));
      pages.push({ fast, generic });
      const more: boolean = backward ? fast.pageInfo.hasPreviousPage : fast.pageInfo.hasNextPage;
      cursor = more && fast.edges.length ? (backward ? fast.pageInfo.startCursor : fast.pageInfo.endCursor) : null;
    } while (cursor && pages.length < 60);
    return pages;
  }

  const inOrder = (pages: { fast: any }[], backward: boolean) =>
    (backward ? pages.toReversed() : pages).flatMap(({ fast }) => fast.edges.map((edge: any) => edge.node.id));

  it("gives equal pages, cursors and page info for random filters, page sizes and directions", async () => {
    let paged = 0; // walks over more than one page with tickets: the property must see real data
    await fc.assert(
      fc.asyncProperty(filterArbitrary, fc.integer({ min: 1, max: 9 }), fc.boolean(), async (filter, size, backward) => {
        const pages = await walk(filter, size, backward);
        if (pages.length > 1 && pages[0]!.fast.edges.length) paged++;
        for (const { fast, generic } of pages) expect(fast).toEqual(generic);
        // forward and backward walks list the same tickets in the same order
        const other = await walk(filter, 50, !backward);
        expect(inOrder(pages, backward)).toEqual(inOrder(other, !backward));
      }),
      { numRuns: 25, seed: 4242 },
    );
    expect(paged).toBeGreaterThanOrEqual(5);
  }, 240_000);

  it("reads the fast page in one statement, the generic one in more", async () => {
    await read(FAST, { first: 50 }); // warms the calendar cache
    // the outbox relay and the SLA monitor poll in the background
    const answering = (statements: string[]) => statements.filter((sql) => !/pg_try_advisory|OutboxEvent|"SlaAlert"|^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(sql));
    const fast = await counter.measure(() => read(FAST, { first: 50 }));
    const generic = await counter.measure(() => read(GENERIC, { first: 50 }));
    expect(fast.result.edges.length).toBeGreaterThan(10);
    expect(answering(fast.statements), fast.statements.join("\n")).toHaveLength(1);
    expect(answering(generic.statements).length).toBeGreaterThan(1);
  });

  it("refuses a cursor of the earlier id-based pages with a typed error naming the argument", async () => {
    const old = Buffer.from("GPC:S:0190a3b4-0000-7000-8000-000000000000").toString("base64");
    const response = await t.gql(FAST, { first: 5, after: old });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "after" });
  });
});
