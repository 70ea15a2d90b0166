import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOLD_QUEUE, customers, mixedEvents, resumeAndExpect, snapshotCursor } from "../helpers/streams.ts";
import { ticketWithPendingAlerts } from "../helpers/sla-alert-rows.ts";
import { loadEcommerceBackoffice } from "../fixtures/policies/002-ecommerce-backoffice.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { createTicket, ticketDone } from "../helpers/tickets.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

describe("a live queue resumed with its cursor", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadEcommerceBackoffice(t);
    await customers(t, "C-RESUME");
  });
  afterAll(() => t.stop());

  it("gets exactly its filter's events committed while it was away, in order, no repeat at the seam, then live ones", async () => {
    const client = wsClient(t.url, ADMIN_TOKEN);
    const queue = subscribe(client, GOLD_QUEUE);
    const snapshot = (await queue.next(30_000)).data.queueChanged;
    expect(snapshot.kind).toBe("SNAPSHOT");
    const othersOpen = snapshot.counts.total; // GOLD tickets other tests of this file left open
    const before = await createTicket(t, { customerNumber: "C-RESUME-G", subject: "Seen live" });
    const seen = (await queue.next(30_000)).data.queueChanged;
    expect(seen).toMatchObject({ kind: "TICKET_ADDED", ticket: { id: before.id } });
    queue.close();
    await client.dispose();

    const missed = await mixedEvents(t, "C-RESUME", 100);
    expect(missed).toHaveLength(25);
    const resumed = await resumeAndExpect(t.url, ADMIN_TOKEN, seen.cursor, missed);
    expect(resumed.lastSequence).toBeGreaterThan(seen.sequence);

    let next = (await resumed.queue.next(30_000)).data.queueChanged;
    while (next.kind === "TICKET_REMOVED") next = (await resumed.queue.next(30_000)).data.queueChanged; // the replay's tail
    expect(next).toMatchObject({ kind: "RESUMED", ticket: null, counts: { total: othersOpen + 26 } }); // caught up, before anything live: its own 26 added
    expect(next.sequence).toBeGreaterThanOrEqual(resumed.lastSequence);
    const live = await createTicket(t, { customerNumber: "C-RESUME-G", subject: "Live again" });
    next = (await resumed.queue.next(30_000)).data.queueChanged;
    expect(next).toMatchObject({ kind: "TICKET_ADDED", ticket: { id: live.id } });
    expect(next.sequence).toBeGreaterThan(resumed.lastSequence);
    resumed.queue.close();
    await resumed.client.dispose();
  });

  it("replays a ticket solved while the subscriber was away as TICKET_REMOVED", async () => {
    const cursor = await snapshotCursor(t.url, ADMIN_TOKEN);
    const solved = await createTicket(t, { customerNumber: "C-RESUME-G", subject: "Solved while away" });
    await ticketDone(t, "ticketSolve", { ticketId: solved.id });
    const client = wsClient(t.url, ADMIN_TOKEN);
    const queue = subscribe(client, GOLD_QUEUE, { after: cursor });
    const replayed = [];
    for (let change = (await queue.next(30_000)).data.queueChanged; change.kind !== "RESUMED"; change = (await queue.next(30_000)).data.queueChanged)
      replayed.push(change);
    expect(replayed.at(-1)).toMatchObject({ kind: "TICKET_REMOVED", ticket: { id: solved.id } });
    queue.close();
    await client.dispose();
  });

  it("refuses a cursor of another filter or another viewer, naming the argument", async () => {
    const cursor = await snapshotCursor(t.url, ADMIN_TOKEN);
    const agent = await t.token("AGENT");
    const attempts = [
      { token: ADMIN_TOKEN, query: `subscription($after: String) { queueChanged(filter: { tierCodes: ["BRONZE"] }, after: $after) { kind } }` },
      { token: agent, query: GOLD_QUEUE },
      { token: ADMIN_TOKEN, query: `subscription($after: String) { accountChanged(after: $after) { kind } }` },
    ];
    for (const { token, query } of attempts) {
      const client = wsClient(t.url, token);
      const refused = await subscribe(client, query, { after: cursor }).next(30_000);
      expect(refused.errors, JSON.stringify(refused)).toMatchObject([{ extensions: { code: "VALIDATION", field: "after" } }]);
      await client.dispose();
    }
  });
});

describe("a replay longer than a page", () => {
  const PAGE = 20; // outbox rows a replay reads at a time (500 in production): a hundred events make several pages
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ replayPage: PAGE });
    await loadEcommerceBackoffice(t);
    await customers(t, "C-PAGES");
  });
  afterAll(() => t.stop());

  it("numbers a filtered subscription's events in increasing order across replay pages, missing none", async () => {
    const queueRows = () => t.prisma.outboxEvent.count({ where: { topic: { in: ["ticketChanged", "slaAlertFired"] } } });
    const before = await queueRows();
    const cursor = await snapshotCursor(t.url, ADMIN_TOKEN);
    const gold = await mixedEvents(t, "C-PAGES", 120);
    expect((await queueRows()) - before).toBeGreaterThan(4 * PAGE); // the replay reads five pages or more, then goes live
    await resumeAndExpect(t.url, ADMIN_TOKEN, cursor, gold).then(async ({ queue, client }) => {
      queue.close();
      await client.dispose();
    });
  });
});

describe("a cursor older than the retention window", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OUTBOX_RETENTION_MINUTES: "0" } });
    await loadEcommerceBackoffice(t);
    await customers(t, "C-EXPIRED");
  });
  afterAll(() => t.stop());

  it("answers CURSOR_EXPIRED with the oldest cursor still available, from which the client resumes", async () => {
    const cursor = await snapshotCursor(t.url, ADMIN_TOKEN);
    const [first, second] = await mixedEvents(t, "C-EXPIRED", 5);
    await t.app.relay.kick();
    expect(await t.app.relay.prune()).toBeGreaterThan(0);
    const client = wsClient(t.url, ADMIN_TOKEN);
    const expired = (await subscribe(client, GOLD_QUEUE, { after: cursor }).next(30_000)).errors;
    expect(expired).toMatchObject([{ extensions: { code: "CURSOR_EXPIRED", field: "after" } }]);
    const oldest = expired[0].extensions.oldestCursor;
    await client.dispose();
    // Only the newest event is kept (it carries the numbering on): here the last GOLD ticket.
    const resumed = await resumeAndExpect(t.url, ADMIN_TOKEN, oldest, [second!]);
    expect(first).not.toBe(second);
    resumed.queue.close();
    await resumed.client.dispose();
  });
});

describe("slaAlerts(since:)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("starts a fresh screen with the alerts fired since the instant, then resumes from their cursor", async () => {
    const since = new Date().toISOString();
    await ticketWithPendingAlerts(t.app, "C-SINCE", [
      { kind: "WARNING", threshold: 0.75, fireAt: new Date(Date.now() - 60_000) },
      { kind: "BREACHED", threshold: 1, fireAt: new Date(Date.now() + 3_600_000) },
    ]);
    expect(await t.app.slaMonitor.tick()).toBe(1);
    await t.app.relay.kick();
    const query = `subscription($since: DateTime, $after: String) { slaAlerts(filter: { customerNumber: "C-SINCE" }, since: $since, after: $after) { kind cursor sequence } }`;
    const client = wsClient(t.url, ADMIN_TOKEN);
    const alerts = subscribe(client, query, { since });
    const alert = (await alerts.next(30_000)).data.slaAlerts;
    expect(alert).toMatchObject({ kind: "WARNING" });
    alerts.close();
    const again = subscribe(client, query, { after: alert.cursor });
    await ticketWithPendingAlerts(t.app, "C-SINCE-2", [{ kind: "BREACHED", threshold: 1, fireAt: new Date(Date.now() - 1_000) }]);
    await t.prisma.slaAlert.updateMany({ where: { firedAt: null, kind: "BREACHED" }, data: { fireAt: new Date(Date.now() - 1_000) } });
    expect(await t.app.slaMonitor.tick()).toBe(2);
    const next = (await again.next(30_000)).data.slaAlerts;
    expect(next).toMatchObject({ kind: "BREACHED" });
    expect(next.sequence).toBeGreaterThan(alert.sequence);
    again.close();
    await client.dispose();
  });
});
