import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../helpers/gql.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

// Runs only with DATABASE_URL and REDIS_URL (see vitest.config.ts): PGlite is single-process.
describe("two server processes on one PostgreSQL database and Redis", () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = { REDIS_URL: process.env.REDIS_URL! };
    a = await startTestApp({ env });
    b = await startTestApp({ env, databaseUrl: a.databaseUrl! });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it("delivers an event published on one instance to subscribers on both, once each", async () => {
    const clients = [wsClient(a.url, ADMIN_TOKEN), wsClient(b.url, ADMIN_TOKEN)];
    const streams = clients.map((client) => subscribe(client, `subscription { accountChanged { kind sequence account { customerNumber } } }`));
    await new Promise((resolve) => setTimeout(resolve, 500));
    dataOf(await a.gql(`mutation { accountCreate(input: { customerNumber: "C-6001", name: "Fan-out" }) { __typename } }`));
    for (const stream of streams) {
      expect((await stream.next()).data.accountChanged).toMatchObject({ kind: "CREATED", account: { customerNumber: "C-6001" } });
    }
    expect(await Promise.all(streams.map((stream) => stream.quiet(700)))).toEqual([true, true]);
    for (const stream of streams) stream.close();
    await Promise.all(clients.map((client) => client.dispose()));
  });
});
