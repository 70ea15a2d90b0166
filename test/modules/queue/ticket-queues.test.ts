import { inWorkspace } from "../../../src/db/workspace-scope.ts";
import { DEFAULT_WORKSPACE_ID } from "../../../src/modules/workspace/index.ts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadEcommerceBackoffice } from "../../fixtures/policies/002-ecommerce-backoffice.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { queryCounter } from "../../helpers/query-counter.ts";
import { createAccount, subscribe } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { createTicket, ticketDone } from "../../helpers/tickets.ts";

const mon = (time: string) => `2026-03-02T${time}+01:00`;

const QUEUE_CREATE = `mutation($input: QueueCreateInput!) { queueCreate(input: $input) { __typename ... on QueueCreateSuccess { queue { id name } } ... on Error { code message } ... on ValidationError { field } } }`;
const PAGE_FIELDS = `pageInfo { hasNextPage endCursor } edges { node { id subject } }`;

async function accounts(t: TestApp) {
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
}

describe("queues: priority rank, then due time, then first come, first served", () => {
  const clock = testClock("2026-03-01T00:00:00Z");
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
    await accounts(t);
    const open = async (name: string, at: string, customerNumber: string, extra: Record<string, unknown> = {}) => {
      clock.set(mon(at));
      ids[name] = (await createTicket(t, { customerNumber, subject: name, ...extra })).id;
    };
    await open("gold-paused-early", "08:50", "C-GOLD");
    await open("basis", "09:00", "C-BASIS");
    await open("bronze-early", "09:00", "C-BRONZE");
    await open("gold-awaiting-customer", "09:00", "C-GOLD");
    await open("gold-due-13:10", "09:10", "C-GOLD");
    await open("gold-due-13:05", "09:05", "C-GOLD");
    await open("silver", "09:30", "C-SILVER");
    await open("bronze-twin-a", "10:00", "C-BRONZE");
    await open("bronze-twin-b", "10:00", "C-BRONZE");
    clock.set(mon("09:30"));
    await ticketDone(t, "ticketAwaitCustomer", { ticketId: ids["gold-awaiting-customer"] });
    await ticketDone(t, "ticketAwaitCustomer", { ticketId: ids["gold-paused-early"] });
  });
  afterAll(() => t.stop());
  // every test starts at 10:00 (the counts test moves the clock on)
  beforeEach(() => clock.set(mon("10:00")));

  // Ties go by the database id, not by the (base64) global id the API shows.
  const rawId = (globalId: string) => Buffer.from(globalId, "base64url").toString();
  const twins = () => [ids["bronze-twin-a"]!, ids["bronze-twin-b"]!].sort((a, b) => (rawId(a) < rawId(b) ? -1 : 1));
  const expectedOrder = () => [
    ids["gold-due-13:05"],
    ids["gold-due-13:10"],
    ids["gold-paused-early"], // no running clock: after those with one, then by arrival
    ids["gold-awaiting-customer"],
    ids.silver,
    ids["bronze-early"], // due Tuesday 13:00
    ...twins(), // same due and arrival: by id
    ids.basis,
  ];

  it("orders in SQL exactly by priority rank, due instant (none last), arrival and id — also across pages", async () => {
    const all = dataOf(await t.gql(`{ tickets(first: 50) { totalCount ${PAGE_FIELDS} } }`)).tickets;
    expect(all.totalCount).toBe(9);
    expect(all.edges.map((edge: any) => edge.node.id)).toEqual(expectedOrder());
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = dataOf(await t.gql(`query($after: String) { tickets(first: 2, after: $after) { ${PAGE_FIELDS} } }`, { after })).tickets;
      paged.push(...page.edges.map((edge: any) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(expectedOrder());
  });

  it("filters ad hoc by tier, priority, status and channel", async () => {
    const ofFilter = async (filter: object) =>
      dataOf(await t.gql(`query($filter: TicketFilterInput) { tickets(first: 50, filter: $filter) { edges { node { id } } } }`, { filter })).tickets.edges.map(
        (e: any) => e.node.id,
      );
    expect(await ofFilter({ tierCodes: ["bronze"] })).toEqual([ids["bronze-early"], ...twins()]);
    expect(await ofFilter({ priorityRanks: [3, 1] })).toEqual([ids.silver, ids.basis]);
    expect(await ofFilter({ statuses: ["AWAITING_CUSTOMER", "SOLVED"] })).toEqual([ids["gold-paused-early"], ids["gold-awaiting-customer"]]);
    expect(await ofFilter({ channels: ["PHONE_CALLBACK"] })).toEqual([]);
    const bad = await t.gql(`{ tickets(first: 5, filter: { tierCodes: ["no tier!"] }) { edges { cursor } } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "filter.tierCodes.0" });
  });

  it("saves a queue; its counts flip to breached and at risk with the clock", async () => {
    const created = dataOf(await t.gql(QUEUE_CREATE, { input: { name: "Gold desk", filter: { priorityRanks: [4] } } })).queueCreate;
    expect(created.__typename).toBe("QueueCreateSuccess");
    const QUEUE = `query($id: ID!) { queue(id: $id) { name filter { priorityRanks statuses } tickets(first: 10) { edges { node { id } } }
      counts { total breached atRisk unassigned byStatus { status count } } } }`;
    const read = async () => dataOf(await t.gql(QUEUE, { id: created.queue.id })).queue;
    clock.set(mon("12:00"));
    const queue = await read();
    expect(queue.filter).toEqual({ priorityRanks: [4], statuses: null });
    expect(queue.tickets.edges.map((e: any) => e.node.id)).toEqual(expectedOrder().slice(0, 4));
    expect(queue.counts).toMatchObject({ total: 4, breached: 0, atRisk: 0, unassigned: 4 });
    expect(queue.counts.byStatus.filter((s: any) => s.count > 0)).toEqual([
      { status: "NEW", count: 2 },
      { status: "AWAITING_CUSTOMER", count: 2 },
    ]);
    // one Gold ticket is due at 13:05: 1 ms before and at that instant it is at risk, 1 ms after breached
    for (const instant of ["13:04:59.999", "13:05:00.000"]) {
      clock.set(mon(instant));
      expect((await read()).counts).toMatchObject({ breached: 0, atRisk: 2 });
    }
    clock.set(mon("13:05:00.001"));
    expect((await read()).counts).toMatchObject({ breached: 1, atRisk: 1 });
  });

  it("keeps queues to agents, and customers see only their own tickets", async () => {
    const customer = await t.token("CUSTOMER", { customerNumber: "C-SILVER" });
    expect(dataOf(await t.gql(`{ tickets(first: 50) { edges { node { id } } } }`, {}, customer)).tickets.edges.map((e: any) => e.node.id)).toEqual([
      ids.silver,
    ]);
    const refused = await t.gql(`{ queues { id } }`, {}, customer);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(dataOf(await t.gql(QUEUE_CREATE, { input: { name: "Mine", filter: {} } }, customer)).queueCreate.__typename).toBe("ForbiddenError");
  });
});

describe("the queue page costs a constant number of SQL statements", () => {
  const counter = queryCounter();
  let t: TestApp;

  beforeAll(async () => {
    const clock = testClock(mon("09:00"));
    t = await startTestApp({ now: clock.now, wrapAdapter: counter.wrap });
    await accounts(t);
    const admin = { role: "ADMIN" as const, tokenId: null, partnerId: null, accountId: null, workspaceId: DEFAULT_WORKSPACE_ID };
    const customers = ["C-GOLD", "C-SILVER", "C-BRONZE", "C-BASIS"];
    for (let i = 0; i < 60; i++) {
      clock.set(new Date(Date.parse(mon("09:00")) + i * 60_000).toISOString());
      await inWorkspace(DEFAULT_WORKSPACE_ID, () =>
        t.app.services.ticketIntake.create(admin, {
          customerNumber: customers[i % 4]!,
          channel: "EMAIL",
          requestTypeCode: "USAGE_QUESTION",
          subject: `Ticket ${i}`,
          body: "…",
        }),
      );
    }
  }, 120_000);
  afterAll(() => t.stop());

  const PAGE = `query($id: ID!, $first: Int!) { queue(id: $id) { counts { total breached }
    tickets(first: $first) { edges { node { id number subject status priority { rank label } nextDueAt
      tier { code name } account { customerNumber name } requestType { code }
      slaClocks { kind state dueAt remainingBusinessMinutes elapsedFraction calendar { id name } } } } } } }`;
  const ignored = /pg_try_advisory|OutboxEvent|^\s*(BEGIN|COMMIT|ROLLBACK)/i;

  it("is the same for 5 and for 50 tickets with clocks, tier, account and calendars", async () => {
    const { queueCreate } = dataOf(await t.gql(QUEUE_CREATE, { input: { name: "Everything open", filter: {} } }));
    const page = async (first: number) => {
      const { result, statements } = await counter.measure(() => t.gql(PAGE, { id: queueCreate.queue.id, first }));
      expect(dataOf(result).queue.tickets.edges).toHaveLength(first);
      return statements.filter((sql) => !ignored.test(sql));
    };
    await page(50); // warms the caches: compiled calendars
    const five = await page(5);
    const fifty = await page(50);
    expect(fifty.length, fifty.join("\n")).toBe(five.length);
    expect(fifty.length).toBeGreaterThanOrEqual(5); // the counter sees the page: tickets, tier, account, request type, clocks, counts
    expect(fifty.length, fifty.join("\n")).toBeLessThanOrEqual(12);
  });
});
