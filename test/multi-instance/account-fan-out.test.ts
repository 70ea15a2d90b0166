import { describe, expect, it } from "vitest";
import { dataOf } from "../helpers/gql.ts";
import { ADMIN_TOKEN } from "../helpers/test-app.ts";
import { twoInstances } from "../helpers/two-instances.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

// Runs only with DATABASE_URL and REDIS_URL (see vitest.config.ts): PGlite is single-process.
describe("two server processes on one PostgreSQL database and Redis", () => {
  const instances = twoInstances();

  it("delivers an event published on one instance to subscribers on both, once each", async () => {
    const { a, b } = instances;
    const live = [a.subscribed("accountChanged"), b.subscribed("accountChanged")];
    const clients = [wsClient(a.url, ADMIN_TOKEN), wsClient(b.url, ADMIN_TOKEN)];
    const streams = clients.map((client) => subscribe(client, `subscription { accountChanged { kind sequence account { customerNumber } } }`));
    await Promise.all(live);
    dataOf(await a.gql(`mutation { accountCreate(input: { customerNumber: "C-6001", name: "Fan-out" }) { __typename } }`));
    for (const stream of streams) {
      expect((await stream.next()).data.accountChanged).toMatchObject({ kind: "CREATED", account: { customerNumber: "C-6001" } });
    }
    // once each: a later account, created on the other instance, is the next event on both
    dataOf(await b.gql(`mutation { accountCreate(input: { customerNumber: "C-6002", name: "Sentinel" }) { __typename } }`));
    for (const stream of streams) expect((await stream.next()).data.accountChanged).toMatchObject({ kind: "CREATED", account: { customerNumber: "C-6002" } });
    for (const stream of streams) stream.close();
    await Promise.all(clients.map((client) => client.dispose()));
  });
});
