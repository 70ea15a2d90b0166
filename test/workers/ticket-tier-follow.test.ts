import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEcommerceBackoffice } from "../fixtures/policies/002-ecommerce-backoffice.ts";
import { testClock } from "../helpers/clock.ts";
import { dataOf } from "../helpers/gql.ts";
import { queryCounter } from "../helpers/query-counter.ts";
import { createAccount, subscribe as subscribeTier } from "../helpers/support.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { clockOf, createTicket, readTicket, ticketDone } from "../helpers/tickets.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

// Monday 2 March 2026, Berlin = UTC+1. 002: Basis (included) answers within 2 working days, Gold within 4 working hours Mon–Fri 09–17.
const mon = (time: string) => `2026-03-02T${time}+01:00`;
const QUEUE = `subscription($filter: TicketFilterInput) { queueChanged(filter: $filter) { kind ticket { id tier { code } } } }`;
const HISTORY = `query($id: ID!) { ticket(id: $id) { history { kind actor data } } }`;
const RENAME = `mutation($id: ID!, $name: String!) { accountUpdate(input: { id: $id, name: $name }) { __typename } }`;
/** The follower's read of an account's open tickets not on its level: one per follow. */
const STALE_TICKETS = /"tierId" IS NULL OR/;

describe("open tickets follow the support level their account holds", () => {
  const clock = testClock(mon("09:00"));
  const counter = queryCounter();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: clock.now, wrapAdapter: counter.wrap });
    await loadEcommerceBackoffice(t);
    await createAccount(t, "C-UP", { language: "de" });
  });
  afterAll(() => t.stop());

  /** Waits on a live queue of `tierCode` tickets until `ticketId` is added to it. */
  async function arrivesIn(tierCode: string, ticketId: string, change: () => Promise<unknown>) {
    const client = wsClient(t.url, ADMIN_TOKEN);
    const stream = subscribe(client, QUEUE, { filter: { tierCodes: [tierCode] } });
    expect((await stream.next()).data.queueChanged.kind).toBe("SNAPSHOT");
    await change();
    for (;;) {
      const event = (await stream.next()).data.queueChanged;
      if (event.kind === "TICKET_ADDED" && event.ticket.id === ticketId) break;
    }
    stream.close();
    await client.dispose();
  }

  it("moves an open ticket to a paid level booked mid-way, keeping its elapsed business time, and back on a fallback", async () => {
    clock.set(mon("10:00"));
    const open = await createTicket(t, { customerNumber: "C-UP" });
    const solved = await createTicket(t, { customerNumber: "C-UP", subject: "Already answered" });
    await ticketDone(t, "ticketSolve", { ticketId: solved.id });
    expect(open.tier.code).toBe("BASIS");

    clock.set(mon("11:00"));
    await arrivesIn("GOLD", open.id, () => subscribeTier(t, "C-UP", "GOLD"));
    const upgraded = await readTicket(t, open.id);
    expect(upgraded).toMatchObject({ tier: { code: "GOLD" }, priority: { rank: 4, label: "highest" } });
    expect(clockOf(upgraded)).toMatchObject({ state: "RUNNING", elapsedBusinessMinutes: 60, remainingBusinessMinutes: 180, dueAt: "2026-03-02T13:00:00.000Z" });
    const history = dataOf(await t.gql(HISTORY, { id: open.id })).ticket.history;
    expect(history.map((entry: { kind: string; actor: string }) => [entry.kind, entry.actor])).toEqual([
      ["CREATED", "ADMIN_TOKEN"],
      ["TIER_CHANGED", "system"],
    ]);
    expect(JSON.parse(history[1].data)).toMatchObject({ toTierCode: "GOLD" });
    expect((await readTicket(t, solved.id)).tier.code).toBe("BASIS"); // solved: left as it was

    clock.set(mon("12:00"));
    const account = dataOf(await t.gql(`{ account(customerNumber: "C-UP") { id } }`)).account;
    await arrivesIn("BASIS", open.id, () =>
      t.gql(`mutation($id: ID!) { accountUpdate(input: { id: $id, paymentStatus: OVERDUE }) { __typename } }`, { id: account.id }),
    );
    expect(await readTicket(t, open.id)).toMatchObject({ tier: { code: "BASIS" }, priority: { rank: 1 } });
  });

  it("follows a burst of changes to one account once, after the follow already under way", async () => {
    clock.set(mon("13:00"));
    await createAccount(t, "C-BURST", { language: "de" });
    const open = await createTicket(t, { customerNumber: "C-BURST" });
    const { id } = dataOf(await t.gql(`{ account(customerNumber: "C-BURST") { id } }`)).account;
    const follows = counter.watch(STALE_TICKETS);
    const gate = counter.hold(STALE_TICKETS);
    await t.gql(RENAME, { id, name: "first" });
    await gate.reached; // the first follow is under way, held at its read

    // 20 more renames while it is held; each is heard by the follower before a socket receives it
    const client = wsClient(t.url, ADMIN_TOKEN);
    const changes = subscribe(client, `subscription { accountChanged { account { name } } }`);
    for (let i = 0; i < 20; i++) await t.gql(RENAME, { id, name: `burst ${i}` });
    while ((await changes.next()).data.accountChanged.account.name !== "burst 19");
    changes.close();
    await client.dispose();
    gate.release();

    // a booking after the burst: its follow is queued behind whatever the burst queued
    await arrivesIn("GOLD", open.id, () => subscribeTier(t, "C-BURST", "GOLD"));
    // the one under way, one for the burst, and one for the booking, or two where its subscription
    // and account events arrive apart (through Redis); one per rename would be 22 or more
    expect(follows.seen.length).toBeGreaterThanOrEqual(3);
    expect(follows.seen.length).toBeLessThanOrEqual(4);
  });
});
