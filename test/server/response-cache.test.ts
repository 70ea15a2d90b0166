import { DEFAULT_WORKSPACE_ID } from "../../src/modules/workspace/index.ts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadEcommerceBackoffice } from "../fixtures/policies/002-ecommerce-backoffice.ts";
import { testClock } from "../helpers/clock.ts";
import { dataOf } from "../helpers/gql.ts";
import { queryCounter } from "../helpers/query-counter.ts";
import { createAccount, subscribe } from "../helpers/support.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { createTicket, ticketDone } from "../helpers/tickets.ts";

const LIST = `{ tickets(first: 50) { totalCount edges { node { id subject status slaClocks { kind state remainingBusinessMinutes } } } } }`;

describe("the response cache", () => {
  const clock = testClock("2026-03-02T09:00:00+01:00");
  const counter = queryCounter();
  let t: TestApp;
  let agent: string;

  beforeAll(async () => {
    t = await startTestApp({ now: clock.now, wrapAdapter: counter.wrap, env: { RESPONSE_CACHE_MS: "60000" } });
    await loadEcommerceBackoffice(t);
    await createAccount(t, "C-GOLD", { language: "de" });
    await subscribe(t, "C-GOLD", "GOLD");
    await createTicket(t, { customerNumber: "C-GOLD", subject: "First" });
    agent = await t.token("AGENT");
    await t.gql("{ __typename }", {}, agent); // its token is known: no test counts the lookup
    await t.app.relay.kick(); // the set-up's events are out: they would drop what the tests cache
  });
  afterAll(() => t.stop());

  // the outbox relay and the SLA monitor poll in the background
  const background = /pg_try_advisory|OutboxEvent|"SlaAlert"|^\s*(BEGIN|COMMIT|ROLLBACK)/i;
  const answering = (statements: string[]) => statements.filter((sql) => !background.test(sql));
  const list = async (token?: string) => {
    const { result, statements } = await counter.measure(() => t.gql(LIST, {}, token));
    return { tickets: dataOf(result).tickets, statements: answering(statements).length };
  };
  /** Each test starts with nothing reusable: past twice the time to live, every earlier event out. */
  const fresh = async () => {
    clock.advance(150_000);
    await t.app.relay.kick();
  };
  /** A ticket of the test's own, its events out. */
  const ownTicket = async (subject: string) => {
    await createTicket(t, { customerNumber: "C-GOLD", subject });
    await t.app.relay.kick();
    return (await t.prisma.ticket.findFirst({ where: { subject } }))!;
  };

  it("answers an identical query of the same viewer from memory, and another viewer's afresh", async () => {
    await fresh();
    const first = await list();
    const again = await list();
    expect(first.statements).toBeGreaterThan(0);
    expect(again).toEqual({ tickets: first.tickets, statements: 0 });
    expect((await list(agent)).statements).toBeGreaterThan(0);
  });

  it("turns a reused answer into JSON once and sends the same bytes on every hit", async () => {
    await fresh();
    const body = JSON.stringify({ query: LIST });
    const raw = () =>
      fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${agent}` }, body }).then((response) =>
        response.text(),
      );
    const first = await raw();
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      expect([await raw(), await raw()]).toEqual([first, first]);
      const answers = stringify.mock.calls.filter(([value]) => typeof value === "object" && value !== null && "data" in value);
      expect(answers).toEqual([]);
    } finally {
      stringify.mockRestore();
    }
  });

  it("runs identical queries that arrive together once", async () => {
    await fresh(); // past twice the time to live: nothing cached is reusable, not even while refreshed
    const alone = (await list(agent)).statements;
    expect(alone).toBeGreaterThan(0);
    clock.advance(150_000);
    const { result, statements } = await counter.measure(() => Promise.all([t.gql(LIST, {}, agent), t.gql(LIST, {}, agent), t.gql(LIST, {}, agent)]));
    expect(answering(statements)).toHaveLength(alone);
    expect(new Set(result.map((answer) => JSON.stringify(dataOf(answer).tickets))).size).toBe(1);
  });

  it("shows a mutation's change right after it", async () => {
    await fresh();
    const before = (await list()).tickets;
    const created = await createTicket(t, { customerNumber: "C-GOLD", subject: "Second" });
    const after = (await list()).tickets;
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.edges.map((edge: any) => edge.node.id)).toContain(created.id);
    await list(); // cached again
    await ticketDone(t, "ticketAwaitCustomer", { ticketId: created.id });
    const status = (await list()).tickets.edges.find((edge: any) => edge.node.id === created.id).node.status;
    expect(status).toBe("AWAITING_CUSTOMER");
  });

  it("shows a change right after a mutation that publishes no event", async () => {
    await fresh();
    const QUEUES = `{ queues { name } }`;
    const names = async () => dataOf(await t.gql(QUEUES)).queues.map((queue: { name: string }) => queue.name);
    expect(await names()).toEqual([]);
    const { queueCreate } = dataOf(await t.gql(`mutation { queueCreate(input: { name: "Gold", filter: { tierCodes: ["GOLD"] } }) { __typename } }`));
    expect(queueCreate.__typename).toBe("QueueCreateSuccess");
    expect(await names()).toEqual(["Gold"]);
  });

  it("drops every answer on a bus event, as another instance's change arrives", async () => {
    await fresh();
    const ticket = await ownTicket("Before the bus event");
    await list();
    await t.prisma.ticket.update({ where: { id: ticket.id }, data: { subject: "Renamed elsewhere" } });
    const stale = await list();
    expect(stale.statements).toBe(0);
    expect(stale.tickets.edges.map((edge: any) => edge.node.subject)).toContain("Before the bus event");
    const delivered = t.app.bus.subscribe("ticketChanged");
    const next = delivered.next();
    await t.app.bus.publish("ticketChanged", {
      ticketId: ticket.id,
      accountId: ticket.accountId,
      partnerId: null,
      kind: "UPDATED",
      sequence: 0,
      workspaceId: ticket.workspaceId,
    });
    await next;
    await delivered.return?.();
    const afterwards = await list();
    expect(afterwards.statements).toBeGreaterThan(0);
    expect(afterwards.tickets.edges.map((edge: any) => edge.node.subject)).toContain("Renamed elsewhere");
  });

  it("does not reuse an answer computed at another instant", async () => {
    await fresh();
    const before = await list();
    expect((await list()).statements).toBe(0);
    clock.advance(60 * 60_000);
    const later = await list();
    expect(later.statements).toBeGreaterThan(0);
    const remaining = (result: typeof before) => result.tickets.edges.flatMap((edge: any) => edge.node.slaClocks.map((c: any) => c.remainingBusinessMinutes));
    expect(remaining(later)).not.toEqual(remaining(before));
  });

  it("past its time to live serves the old answer while one request computes the next, then the new one", async () => {
    await fresh();
    const ticket = await ownTicket("Before going stale");
    await list(agent);
    expect((await list(agent)).statements).toBe(0);
    clock.advance(90_000); // past the 60 s time to live, within twice it
    await t.prisma.ticket.update({ where: { id: ticket.id }, data: { subject: "Renamed while stale" } });
    const subjects = (answer: any) => dataOf<any>(answer).tickets.edges.map((edge: any) => edge.node.subject);
    const gate = counter.hold(/FROM "(public"\."|)Ticket"/);
    const refreshing = t.gql(LIST, {}, agent);
    await gate.reached; // the refresh is in the database
    const { result: served, statements } = await counter.measure(() => t.gql(LIST, {}, agent));
    expect(answering(statements)).toEqual([]);
    expect(subjects(served)).toContain("Before going stale");
    gate.release();
    expect(subjects(await refreshing)).toContain("Renamed while stale");
    const after = await list(agent);
    expect(after.statements).toBe(0);
    expect(after.tickets.edges.map((edge: any) => edge.node.subject)).toContain("Renamed while stale");
  });

  it("hands a running answer to the identical queries waiting for it even when a change arrives meanwhile, and keeps it no longer", async () => {
    await fresh();
    const gate = counter.hold(/FROM "(public"\."|)Ticket"/);
    const { result: answers, statements } = await counter.measure(async () => {
      const first = t.gql(LIST, {}, agent);
      await gate.reached;
      const second = t.gql(LIST, {}, agent);
      await expect.poll(() => t.app.responseCache.waiting()).toBe(1); // the second request is parked on the first's answer
      await t.app.bus.publish("tierCatalogChanged", { workspaceId: DEFAULT_WORKSPACE_ID });
      gate.release();
      return Promise.all([first, second]);
    });
    expect(JSON.stringify(dataOf(answers[1]!).tickets)).toBe(JSON.stringify(dataOf(answers[0]!).tickets));
    const once = (await list(agent)).statements; // runs again: the answer was not kept, the change came while it ran
    expect(once).toBeGreaterThan(0);
    expect(answering(statements)).toHaveLength(once);
  });

  describe("drops only what a change touches", () => {
    const PAGE = `query($filter: TicketFilterInput) { tickets(first: 50, filter: $filter) { edges { node { id subject account { name } } } } }`;
    const page = async (filter: object) => {
      const { result, statements } = await counter.measure(() => t.gql(PAGE, { filter }, agent));
      return { ids: dataOf<any>(result).tickets.edges.map((edge: any) => edge.node.id), statements: answering(statements).length };
    };

    it("keeps a list a new ticket does not enter, and shows it at once in the lists it does", async () => {
      await fresh();
      await page({ channels: ["PORTAL"] });
      await page({});
      expect((await page({ channels: ["PORTAL"] })).statements).toBe(0);
      const created = await createTicket(t, { customerNumber: "C-GOLD", subject: "Third", channel: "EMAIL" });
      const portal = await page({ channels: ["PORTAL"] });
      expect(portal.statements).toBe(0); // not in its filter: still the cached answer
      const all = await page({});
      expect(all.statements).toBeGreaterThan(0);
      expect(all.ids).toContain(created.id);
    });

    it("reads no ticket's new place while no kept answer lists tickets", async () => {
      await fresh();
      await page({}); // a list, kept but past twice its time to live after fresh()
      await fresh();
      const place = counter.hold(/r\.code AS "tierCode"/);
      const read = place.reached.then(() => "its place was read");
      const created = createTicket(t, { customerNumber: "C-GOLD", subject: "Unlisted", channel: "EMAIL" }).then(() => "answered");
      try {
        expect(await Promise.race([read, created])).toBe("answered");
      } finally {
        place.release();
      }
      await page({});
      const held = counter.hold(/r\.code AS "tierCode"/);
      const listed = createTicket(t, { customerNumber: "C-GOLD", subject: "Listed", channel: "EMAIL" });
      await held.reached; // a kept list: the new ticket's place decides whether it enters
      held.release();
      expect((await page({})).ids).toContain((await listed).id);
    });

    // (an account event with no other reaction: accountChanged also moves the tier follower, whose
    // ticket events would race the assertions)
    it("drops the lists showing an account when an event about it arrives, and keeps the others", async () => {
      await fresh();
      await page({ channels: ["PORTAL"] });
      await page({});
      const [account] = await t.prisma.account.findMany({ where: { customerNumber: "C-GOLD" } });
      const delivered = t.app.bus.subscribe("unitBalanceLow");
      const next = delivered.next();
      await t.app.bus.publish("unitBalanceLow", { accountId: account!.id, alertId: "none", sequence: 0, workspaceId: account!.workspaceId });
      await next;
      await delivered.return?.();
      expect((await page({ channels: ["PORTAL"] })).statements).toBe(0);
      expect((await page({})).statements).toBeGreaterThan(0);
    });
  });
});
