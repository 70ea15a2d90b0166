import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { postGql } from "../../helpers/gql.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { wsClient } from "../../helpers/ws.ts";
import { DEFAULT_LIMITS } from "../../../src/server/limits/limits.ts";

/** A live queue: its first event, the snapshot, says it is live. */
const QUEUE = `subscription { queueChanged(first: 1) { kind } }`;

/** Subscribes and settles with the first event or the refusal. */
function firstOutcome(client: Client, query: string) {
  let dispose = () => {};
  const outcome = new Promise<{ event?: any; errors?: any }>((resolve) => {
    dispose = client.subscribe({ query }, { next: (event) => resolve({ event }), error: (errors) => resolve({ errors }), complete: () => {} });
  });
  return { outcome, dispose: () => dispose() };
}

describe("a socket holds at most its share of live subscriptions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it(`refuses the ${DEFAULT_LIMITS.subscriptionsPerSocket + 1}st with the limit, keeps the others, and takes a new one once one ends`, async () => {
    const socket = wsClient(t.url, ADMIN_TOKEN);
    const live = Array.from({ length: DEFAULT_LIMITS.subscriptionsPerSocket }, () => firstOutcome(socket, QUEUE));
    const refused = firstOutcome(socket, QUEUE);
    expect(await refused.outcome).toEqual({
      errors: [
        expect.objectContaining({
          extensions: { code: "MAX_SUBSCRIPTIONS", limit: DEFAULT_LIMITS.subscriptionsPerSocket, measured: DEFAULT_LIMITS.subscriptionsPerSocket + 1 },
        }),
      ],
    });
    for (const subscription of live) expect((await subscription.outcome).event.data).toEqual({ queueChanged: { kind: "SNAPSHOT" } });
    live[0]!.dispose();
    const again = firstOutcome(socket, QUEUE);
    expect((await again.outcome).event.data).toEqual({ queueChanged: { kind: "SNAPSHOT" } });
    for (const subscription of [...live, again]) subscription.dispose();
    await socket.dispose();
  });
});

describe("requests per credential and minute", () => {
  let t: TestApp;
  // each test counts in a minute of its own (the window is the minute the clock reads)
  let at = new Date(0);
  beforeAll(async () => {
    t = await startTestApp({ now: () => at, env: { RATE_LIMIT_PER_MINUTE: "3" } });
  });
  afterAll(() => t.stop());

  it("answers the request over the limit with 429 and Retry-After until the minute ends, and counts each credential apart", async () => {
    at = new Date("2026-03-02T09:00:15Z");
    for (let i = 0; i < 3; i++) expect((await postGql(t.url, `{ __typename }`, {}, ADMIN_TOKEN)).status).toBe(200);
    const response = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("45");
    expect(await response.json()).toEqual({
      errors: [expect.objectContaining({ extensions: { code: "RATE_LIMITED", limit: 3, measured: 4, retryAfter: 45 } })],
    });
    // without a credential the caller's address counts, apart from the administrator's
    expect((await postGql(t.url, `{ __typename }`)).status).toBe(200);
  });

  it("counts every operation on a WebSocket with the same credential's HTTP requests, and refuses the one over the limit on either door", async () => {
    at = new Date("2026-03-02T09:01:15Z");
    const socket = wsClient(t.url, ADMIN_TOKEN);
    for (let i = 0; i < 2; i++) expect((await postGql(t.url, `{ __typename }`, {}, ADMIN_TOKEN)).status).toBe(200);
    expect((await firstOutcome(socket, `{ __typename }`).outcome).event.data).toEqual({ __typename: "Query" });
    expect(await firstOutcome(socket, QUEUE).outcome).toEqual({
      errors: [expect.objectContaining({ extensions: { code: "RATE_LIMITED", limit: 3, measured: 4, retryAfter: 45 } })],
    });
    const response = await postGql(t.url, `{ __typename }`, {}, ADMIN_TOKEN);
    expect(response.status).toBe(429);
    await socket.dispose();
  });
});
