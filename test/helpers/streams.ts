import { expect } from "vitest";
import { dataOf } from "./gql.ts";
import type { TestApp } from "./test-app.ts";
import { createTicket } from "./tickets.ts";
import { createAccount, subscribe as subscribeTier } from "./support.ts";
import { subscribe, wsClient } from "./ws.ts";

/** A live queue of GOLD tickets: the filter a resuming dashboard watches in these tests. */
export const GOLD_QUEUE = `subscription($after: String) {
  queueChanged(filter: { tierCodes: ["GOLD"] }, after: $after) { kind sequence cursor ticket { id tier { code } } counts { total } } }`;

type Gql = Pick<TestApp, "gql">;

/**
 * `<prefix>-G` on GOLD and `<prefix>-B` on BRONZE (the policy of test/fixtures/policies/002 must be
 * loaded), so both can open tickets and only the first's are in the GOLD queue.
 */
export async function customers(t: Gql, prefix: string) {
  for (const [suffix, tier] of [
    ["G", "GOLD"],
    ["B", "BRONZE"],
  ] as const) {
    await createAccount(t as TestApp, `${prefix}-${suffix}`, { language: "de" });
    await subscribeTier(t as TestApp, `${prefix}-${suffix}`, tier);
  }
}

/**
 * Commits `n` events of mixed topics, one after the other: tickets of the GOLD customer (in the
 * queue), of the BRONZE one and account updates (not). Returns the GOLD tickets' ids, in commit order.
 */
export async function mixedEvents(t: Gql, prefix: string, n: number): Promise<string[]> {
  const { account } = dataOf(await t.gql(`query($c: String!) { account(customerNumber: $c) { id } }`, { c: `${prefix}-G` }));
  const gold: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 4 === 2) {
      dataOf(
        await t.gql(`mutation($id: ID!, $name: String!) { accountUpdate(input: { id: $id, name: $name }) { __typename } }`, {
          id: account.id,
          name: `Renamed ${i}`,
        }),
      );
      continue;
    }
    const ticket = await createTicket(t as TestApp, { customerNumber: `${prefix}-${i % 4 === 0 ? "G" : "B"}`, subject: `Event ${i}` });
    if (i % 4 === 0) gold.push(ticket.id);
  }
  return gold;
}

/** Opens the GOLD queue on `url` and returns its snapshot's cursor (the snapshot proves it is live). */
export async function snapshotCursor(url: string, token: string): Promise<string> {
  const client = wsClient(url, token);
  const queue = subscribe(client, GOLD_QUEUE);
  const snapshot = await queue.next(30_000);
  expect(snapshot.data?.queueChanged.kind, JSON.stringify(snapshot)).toBe("SNAPSHOT");
  queue.close();
  await client.dispose();
  return snapshot.data.queueChanged.cursor;
}

/**
 * Resumes the GOLD queue after `cursor` on `url` and reads until every ticket of `expected` was
 * seen; asserts they come in commit order, none foreign, no repeat, sequences increasing.
 */
export async function resumeAndExpect(url: string, token: string, cursor: string, expected: string[]) {
  const client = wsClient(url, token);
  const queue = subscribe(client, GOLD_QUEUE, { after: cursor });
  const seen: string[] = [];
  const sequences: number[] = [];
  const keys = new Set<string>();
  let last = cursor;
  while (seen.length < expected.length) {
    const event = await queue.next(30_000);
    expect(event.errors, JSON.stringify(event.errors)).toBeUndefined();
    const change = event.data.queueChanged;
    expect(change.kind).not.toBe("SNAPSHOT");
    // A replay cannot know what the client held: it may name a ticket it never held as removed.
    if (change.kind === "TICKET_REMOVED") continue;
    expect(change.ticket?.tier?.code).toBe("GOLD");
    const key = `${change.ticket.id}@${change.sequence}`;
    expect(keys.has(key), `repeated ${key}`).toBe(false);
    keys.add(key);
    sequences.push(change.sequence);
    if (!seen.includes(change.ticket.id)) seen.push(change.ticket.id);
    last = change.cursor;
  }
  expect(seen).toEqual(expected);
  expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  return { client, queue, last, lastSequence: sequences.at(-1)! };
}
