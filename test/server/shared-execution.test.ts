import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../helpers/gql.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

const SUBSCRIPTION = `subscription { accountChanged { kind sequence account { customerNumber } } }`;

describe("identical subscriptions share one execution per event", () => {
  let t: TestApp;
  let reads = 0;
  beforeAll(async () => {
    t = await startTestApp();
    const accounts = t.app.services.accounts;
    const delivered = accounts.delivered.bind(accounts);
    accounts.delivered = (...args) => {
      reads++;
      return delivered(...args);
    };
  });
  afterAll(() => t.stop());

  it("executes once for many subscribers in one scope, once more for another scope", async () => {
    const agent = await t.token("AGENT");
    const live = t.subscribed("accountChanged", 4);
    const clients = [wsClient(t.url, ADMIN_TOKEN), wsClient(t.url, ADMIN_TOKEN), wsClient(t.url, ADMIN_TOKEN), wsClient(t.url, agent)];
    const streams = clients.map((client) => subscribe(client, SUBSCRIPTION));
    await live;
    reads = 0;
    dataOf(await t.gql(`mutation { accountCreate(input: { customerNumber: "C-8001", name: "Shared" }) { __typename } }`));
    const events = await Promise.all(streams.map((stream) => stream.next()));
    for (const event of events) expect(event.data.accountChanged.account).toEqual({ customerNumber: "C-8001" });
    expect(new Set(events.map((event) => event.data.accountChanged.sequence)).size).toBe(1);
    expect(reads).toBe(2); // the ADMIN scope once for three sockets, the AGENT scope once
    for (const stream of streams) stream.close();
    await Promise.all(clients.map((client) => client.dispose()));
  });

  it("keeps delivering to the others when one subscriber leaves", async () => {
    const [a, b] = [wsClient(t.url, ADMIN_TOKEN), wsClient(t.url, ADMIN_TOKEN)];
    const live = t.subscribed("accountChanged", 2);
    const [first, second] = [subscribe(a, SUBSCRIPTION), subscribe(b, SUBSCRIPTION)];
    await live;
    first.close();
    await a.dispose();
    dataOf(await t.gql(`mutation { accountCreate(input: { customerNumber: "C-8002", name: "Still shared" }) { __typename } }`));
    expect((await second.next()).data.accountChanged.account).toEqual({ customerNumber: "C-8002" });
    second.close();
    await b.dispose();
  });
});
