import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEcommerceBackoffice } from "../fixtures/policies/002-ecommerce-backoffice.ts";
import { dataOf } from "../helpers/gql.ts";
import { queryCounter } from "../helpers/query-counter.ts";
import { GOLD_QUEUE, customers, snapshotCursor } from "../helpers/streams.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { createTicket } from "../helpers/tickets.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

const N = 40;
/** The statements that read the replayed entities (not the outbox, not background work on other tables). */
const reading = (table: string) => (statements: string[]) => statements.filter((sql) => sql.includes(`"${table}"`) && !sql.includes("OutboxEvent"));

describe("a replay of N events reads its entities a burst at a time, not once per event", () => {
  const counter = queryCounter();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ wrapAdapter: counter.wrap });
    await loadEcommerceBackoffice(t);
    await customers(t, "C-BATCH");
  });
  afterAll(() => t.stop());

  it(`queueChanged(after:): ${N} missed tickets, each placed and re-read, in a handful of statements`, async () => {
    const cursor = await snapshotCursor(t.url, ADMIN_TOKEN);
    const missed = [];
    for (let i = 0; i < N; i++) missed.push((await createTicket(t, { customerNumber: "C-BATCH-G", subject: `Missed ${i}` })).id);
    await t.app.relay.kick();
    const client = wsClient(t.url, ADMIN_TOKEN);
    const { result: changes, statements } = await counter.measure(async () => {
      const queue = subscribe(client, GOLD_QUEUE, { after: cursor });
      const changes = [];
      for (let change = (await queue.next(30_000)).data.queueChanged; change.kind !== "RESUMED"; change = (await queue.next(30_000)).data.queueChanged)
        changes.push(change);
      queue.close();
      return changes;
    });
    await client.dispose();
    expect(changes.map((change: { ticket: { id: string } }) => change.ticket.id)).toEqual(missed);
    expect(changes.map((change: { counts: { total: number } }) => change.counts.total)).toEqual(missed.map(() => N));
    const tickets = reading("Ticket")(statements);
    console.log(`replay of ${N} queue changes: ${statements.length} statements, ${tickets.length} reading tickets`);
    // One per event would be 3 × N (the ticket, its place, the counts); a burst costs the same for 1 or 500.
    expect(tickets.length, tickets.join("\n")).toBeLessThanOrEqual(10);
  });

  it(`accountChanged(after:): ${N} missed changes of accounts, authorised and re-read in a handful of statements`, async () => {
    const query = `subscription($after: String) { accountChanged(after: $after) { cursor kind account { customerNumber name } } }`;
    const client = wsClient(t.url, ADMIN_TOKEN);
    const first = subscribe(client, query);
    await t.subscribed("accountChanged");
    const { account } = dataOf(await t.gql(`{ account(customerNumber: "C-BATCH-B") { id } }`));
    const rename = (name: string) =>
      t.gql(`mutation($id: ID!, $name: String!) { accountUpdate(input: { id: $id, name: $name }) { __typename } }`, { id: account.id, name });
    dataOf(await rename("Before"));
    const cursor = (await first.next(30_000)).data.accountChanged.cursor;
    first.close();
    for (let i = 0; i < N; i++) dataOf(await rename(`Missed ${i}`));
    await t.app.relay.kick();
    const { result: names, statements } = await counter.measure(async () => {
      const again = subscribe(client, query, { after: cursor });
      const names = [];
      while (names.length < N) names.push((await again.next(30_000)).data.accountChanged.account.name);
      again.close();
      return names;
    });
    await client.dispose();
    expect(names).toEqual(Array.from({ length: N }, () => `Missed ${N - 1}`)); // each re-read as it is now
    const accounts = reading("Account")(statements);
    console.log(`replay of ${N} account changes: ${statements.length} statements, ${accounts.length} reading accounts`);
    expect(accounts.length, accounts.join("\n")).toBeLessThanOrEqual(4);
  });
});
