import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadEcommerceBackoffice } from "../../fixtures/policies/002-ecommerce-backoffice.ts";
import { testClock } from "../../helpers/clock.ts";
import { createAccount, subscribe as subscribeTier } from "../../helpers/support.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { createTicket, ticketDone } from "../../helpers/tickets.ts";
import { createWorkspace } from "../../helpers/workspaces.ts";
import { subscribe, wsClient } from "../../helpers/ws.ts";

const QUEUE = `subscription($filter: TicketFilterInput) {
  queueChanged(filter: $filter, first: 10) { kind sequence position ticket { id subject status } tickets { subject } counts { total breached } }
}`;
const mon = (time: string) => `2026-03-02T${time}+01:00`;

/** 002's levels and a Gold and a Bronze customer (C-GOLD, C-BRONZE) in `app`'s workspace. */
async function goldAndBronze(app: TestApp) {
  await loadEcommerceBackoffice(app);
  for (const [number, tier] of [
    ["C-GOLD", "GOLD"],
    ["C-BRONZE", "BRONZE"],
  ] as const) {
    await createAccount(app, number, { language: "de" });
    await subscribeTier(app, number, tier);
  }
}

describe("queueChanged: a snapshot, then every change in order with the ticket's new place", () => {
  const clock = testClock(mon("09:00"));
  let t: TestApp;
  /**
   * A queue of the test's own: a new workspace with 002's levels, a Gold and a Bronze customer
   * (C-GOLD, C-BRONZE), and an admin token of it for the dashboards' sockets.
   */
  const ownQueue = async (slug: string) => {
    const shop = await createWorkspace(t, slug);
    await goldAndBronze(shop);
    return { shop, admin: await shop.token("ADMIN") };
  };
  // The default workspace's queue (C-GOLD, C-BRONZE) belongs to the first test; every other test
  // watches a queue of its own.
  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
    await goldAndBronze(t);
  });
  afterAll(() => t.stop());
  beforeEach(() => clock.set(mon("09:00")));

  it("shows additions, moves and removals with rising sequence numbers to every dashboard", async () => {
    const bronze = await createTicket(t, { customerNumber: "C-BRONZE", subject: "bronze first" });
    const dashboards = [wsClient(t.url, ADMIN_TOKEN), wsClient(t.url, ADMIN_TOKEN)];
    const streams = dashboards.map((client) => subscribe(client, QUEUE, { filter: { statuses: ["NEW", "OPEN"] } }));
    for (const stream of streams) {
      const snapshot = (await stream.next()).data.queueChanged;
      expect(snapshot).toMatchObject({ kind: "SNAPSHOT", position: null, ticket: null, tickets: [{ subject: "bronze first" }], counts: { total: 1 } });
    }

    clock.set(mon("09:30"));
    const gold = await createTicket(t, { customerNumber: "C-GOLD", subject: "gold later" });
    await ticketDone(t, "ticketAwaitCustomer", { ticketId: bronze.id });
    // A change is delivered as the ticket is when it is read: the reply waits until every dashboard saw the ticket leave.
    const seen: { added: any; removed: any }[] = [];
    for (const stream of streams) {
      const added = (await stream.next()).data.queueChanged;
      expect(added).toMatchObject({ kind: "TICKET_ADDED", position: 1, ticket: { subject: "gold later" } }); // Gold outranks Bronze
      const removed = (await stream.next()).data.queueChanged;
      expect(removed).toMatchObject({ kind: "TICKET_REMOVED", position: null, ticket: { subject: "bronze first", status: "AWAITING_CUSTOMER" } });
      seen.push({ added, removed });
    }
    await ticketDone(t, "ticketCustomerReply", { ticketId: bronze.id, body: "Here are the logs." });

    for (const [i, stream] of streams.entries()) {
      const { added, removed } = seen[i]!;
      const back = (await stream.next()).data.queueChanged;
      expect(back).toMatchObject({ kind: "TICKET_ADDED", position: 2, ticket: { subject: "bronze first" } });
      expect(added.sequence).toBeLessThan(removed.sequence);
      expect(removed.sequence).toBeLessThan(back.sequence);
    }
    expect(gold.id).toBeTruthy();
    for (const stream of streams) stream.close();
    await Promise.all(dashboards.map((client) => client.dispose()));
  });

  it("gives a late subscriber its own snapshot while sharing the rest", async () => {
    const { shop, admin } = await ownQueue("queue-late");
    const first = wsClient(t.url, admin);
    const early = subscribe(first, QUEUE, { filter: { statuses: ["NEW", "OPEN"] } });
    expect((await early.next()).data.queueChanged.kind).toBe("SNAPSHOT");
    await createTicket(shop, { customerNumber: "C-BRONZE", subject: "between" });
    expect((await early.next()).data.queueChanged).toMatchObject({ kind: "TICKET_ADDED", ticket: { subject: "between" } });

    const second = wsClient(t.url, admin);
    const late = subscribe(second, QUEUE, { filter: { statuses: ["NEW", "OPEN"] } });
    const snapshot = (await late.next()).data.queueChanged;
    expect(snapshot.kind).toBe("SNAPSHOT");
    expect(snapshot.tickets.map((ticket: any) => ticket.subject)).toContain("between");
    await createTicket(shop, { customerNumber: "C-GOLD", subject: "after" });
    for (const stream of [early, late]) expect((await stream.next()).data.queueChanged).toMatchObject({ kind: "TICKET_ADDED", ticket: { subject: "after" } });
    early.close();
    late.close();
    await Promise.all([first.dispose(), second.dispose()]);
  });

  it("lets a partner watch only its own customers' tickets", async () => {
    const { shop } = await ownQueue("queue-partner");
    await shop.gql(`mutation { partnerCreate(input: { code: "P-QUEUE", name: "Queue partner" }) { __typename } }`);
    await createAccount(shop, "C-PARTNERED", { language: "de", partnerCode: "P-QUEUE" });
    const partner = await shop.token("PARTNER", { partnerCode: "P-QUEUE" });
    const client = wsClient(t.url, partner);
    const stream = subscribe(client, QUEUE, {});
    expect((await stream.next()).data.queueChanged).toMatchObject({ kind: "SNAPSHOT", tickets: [] });
    await createTicket(shop, { customerNumber: "C-BRONZE", subject: "not theirs" });
    await createTicket(shop, { customerNumber: "C-PARTNERED", subject: "theirs" });
    expect((await stream.next()).data.queueChanged).toMatchObject({ kind: "TICKET_ADDED", position: 1, ticket: { subject: "theirs" } });
    await createTicket(shop, { customerNumber: "C-PARTNERED", subject: "sentinel" });
    expect((await stream.next()).data.queueChanged).toMatchObject({ kind: "TICKET_ADDED", ticket: { subject: "sentinel" } });
    stream.close();
    await client.dispose();
  });

  it("moves a ticket into a breached-tickets queue when its due instant passes, with the alerts on the way", async () => {
    // Other tests' tickets (in other workspaces; one SLA monitor) breach too: watch a queue of its
    // own, and fire their alerts first.
    const { shop, admin } = await ownQueue("queue-breach");
    clock.set(mon("11:00"));
    await t.app.slaMonitor.tick();
    await createAccount(shop, "C-GOLD-2", { language: "de" });
    await subscribeTier(shop, "C-GOLD-2", "GOLD");
    const ticket = await createTicket(shop, { customerNumber: "C-GOLD-2", subject: "will breach" }); // Gold: 4 working hours → 15:00
    await ticketDone(shop, "ticketAssign", { ticketId: ticket.id, assigneeId: "agent-breach" });
    const client = wsClient(t.url, admin);
    const breached = subscribe(client, QUEUE, { filter: { breached: true, assigneeIds: ["agent-breach"] } });
    const alerts = subscribe(client, `subscription($c: String) { slaAlerts(filter: { customerNumber: $c }) { kind threshold alertAt ticketId target } }`, {
      c: "C-GOLD-2",
    });
    expect((await breached.next()).data.queueChanged).toMatchObject({ kind: "SNAPSHOT", tickets: [], counts: { breached: 0 } });
    clock.set(mon("14:00")); // 75 % of 4 h used
    await t.app.slaMonitor.tick();
    expect((await alerts.next()).data.slaAlerts).toMatchObject({
      kind: "WARNING",
      threshold: 0.75,
      alertAt: "2026-03-02T13:00:00.000Z",
      ticketId: ticket.id,
      target: "FIRST_RESPONSE",
    });
    clock.set(mon("15:00")); // the due instant itself is still on time: the 90 % warning (at 14:36) only
    expect(await t.app.slaMonitor.tick()).toBe(1);
    expect((await alerts.next()).data.slaAlerts).toMatchObject({ kind: "WARNING", threshold: 0.9 });
    clock.set(mon("15:00:00.001"));
    expect(await t.app.slaMonitor.tick()).toBe(1);
    expect((await alerts.next()).data.slaAlerts).toMatchObject({ kind: "BREACHED", threshold: 1, alertAt: "2026-03-02T14:00:00.001Z" });
    expect((await breached.next()).data.queueChanged).toMatchObject({ kind: "TICKET_ADDED", position: 1, ticket: { id: ticket.id }, counts: { breached: 1 } });
    breached.close();
    alerts.close();
    await client.dispose();
  });
});
