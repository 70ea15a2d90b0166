import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../helpers/gql.ts";
import { tcpProxy } from "../helpers/tcp-proxy.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

const ISSUE = `mutation { apiTokenCreate(input: { name: "socket", role: AGENT }) { ... on ApiTokenIssued { secret token { id } } } }`;
const REVOKE = `mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { __typename } }`;

/** Waits for `condition` to hold, asking again after each answer (bounded by the test's timeout). */
async function until(condition: () => Promise<boolean>) {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
}

// Runs only with DATABASE_URL and REDIS_URL (see vitest.config.ts). Both instances reach Redis
// through a TCP proxy: dropping it is a Redis outage as the instances see it (connections cut, new ones refused).
describe("two instances through a Redis outage", () => {
  let a: TestApp;
  let b: TestApp;
  let redis: Awaited<ReturnType<typeof tcpProxy>>;
  beforeAll(async () => {
    redis = await tcpProxy(process.env.REDIS_URL!.replace(/^redis/, "http"));
    const env = { REDIS_URL: redis.url.replace(/^http/, "redis") };
    a = await startTestApp({ env });
    b = await startTestApp({ env, databaseUrl: a.databaseUrl! });
  }, 120_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await redis?.close();
  });

  it("delivers every account event, committed before, during and after the outage, to subscribers on both instances: in order, none missing, none twice", async () => {
    const clients = [wsClient(a.url, ADMIN_TOKEN), wsClient(b.url, ADMIN_TOKEN)];
    const streams = clients.map((client) => subscribe(client, `subscription { accountChanged { sequence account { customerNumber } } }`));
    // registered on both: a sentinel account reaches each stream
    dataOf(await a.gql(`mutation { accountCreate(input: { customerNumber: "C-OUT-0", name: "Sentinel" }) { __typename } }`));
    for (const stream of streams) expect((await stream.next(20_000)).data.accountChanged.account.customerNumber).toBe("C-OUT-0");

    const create = (n: number, via: TestApp) =>
      via.gql(`mutation { accountCreate(input: { customerNumber: "C-OUT-${n}", name: "Outage ${n}" }) { __typename } }`);
    const numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    for (const n of numbers.slice(0, 4)) expect(dataOf(await create(n, n % 2 ? a : b)).accountCreate.__typename).toBe("AccountCreateSuccess");
    redis.drop();
    await until(async () => (await fetch(`${a.url}/readyz`)).status === 503);
    const down = (await (await fetch(`${b.url}/readyz`)).json()) as any;
    expect(down.checks.redis).toBe("unreachable");
    // writes go on and answer success while the bus is away; their events wait in the outbox
    for (const n of numbers.slice(4, 8)) expect(dataOf(await create(n, n % 2 ? a : b)).accountCreate.__typename).toBe("AccountCreateSuccess");
    redis.restore();
    await until(async () => (await fetch(`${a.url}/readyz`)).status === 200 && (await fetch(`${b.url}/readyz`)).status === 200);
    for (const n of numbers.slice(8)) expect(dataOf(await create(n, n % 2 ? a : b)).accountCreate.__typename).toBe("AccountCreateSuccess");

    for (const stream of streams) {
      const seen: { sequence: number; customerNumber: string }[] = [];
      while (seen.length < numbers.length) {
        const event = (await stream.next(30_000)).data.accountChanged;
        seen.push({ sequence: event.sequence, customerNumber: event.account.customerNumber });
      }
      expect(seen.map((event) => event.customerNumber).sort()).toEqual(numbers.map((n) => `C-OUT-${n}`).sort());
      expect(seen.map((event) => event.sequence)).toEqual([...seen.map((event) => event.sequence)].sort((x, y) => x - y));
    }
    // and nothing more: a last sentinel is the next event on each
    dataOf(await create(99, a));
    for (const stream of streams) expect((await stream.next(20_000)).data.accountChanged.account.customerNumber).toBe("C-OUT-99");
    for (const stream of streams) stream.close();
    await Promise.all(clients.map((client) => client.dispose()));
  });

  /** A new agent token with a live socket on b (authenticated there), and the code that socket is closed with. */
  async function agentSocketOnB() {
    const { secret, token } = dataOf(await a.gql(ISSUE)).apiTokenCreate;
    const closed = new Promise<number>((resolve) => {
      const client = wsClient(b.url, secret, { on: { closed: (event: any) => resolve(event.code) } });
      subscribe(client, `subscription { accountChanged { sequence } }`);
    });
    const onB = wsClient(b.url, secret);
    expect((await subscribe(onB, `{ viewer { role } }`).next(20_000)).data.viewer.role).toBe("AGENT"); // authenticated on b
    return { tokenId: token.id as string, closed, dispose: () => onB.dispose() };
  }

  it("closes a revoked token's sockets on the other instance too, with 4403", async () => {
    const socket = await agentSocketOnB();
    expect(dataOf(await a.gql(REVOKE, { id: socket.tokenId })).apiTokenRevoke.__typename).toBe("ApiTokenRevokeSuccess");
    expect(await socket.closed).toBe(4403);
    await socket.dispose();
  });

  it("answers a revocation made while Redis is away with success, and closes the token's socket on the other instance once Redis is back", async () => {
    const socket = await agentSocketOnB();
    redis.drop();
    await until(async () => (await fetch(`${a.url}/readyz`)).status === 503);
    expect(dataOf(await a.gql(REVOKE, { id: socket.tokenId })).apiTokenRevoke.__typename).toBe("ApiTokenRevokeSuccess");
    redis.restore();
    expect(await socket.closed).toBe(4403);
    await socket.dispose();
  });
});
