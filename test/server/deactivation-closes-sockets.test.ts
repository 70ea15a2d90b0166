import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../helpers/gql.ts";
import { createAccount } from "../helpers/support.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

const PARTNER = `query { partners(first: 1) { edges { node { id } } } }`;
const SET_ACTIVE = (op: "partnerDeactivate" | "partnerReactivate") =>
  `mutation($id: ID!) { ${op}(input: { id: $id }) { __typename ... on ${op[0]!.toUpperCase()}${op.slice(1)}Success { partner { deactivatedAt } } } }`;
const CLOSE_ACCOUNT = `mutation($id: ID!) { accountUpdate(input: { id: $id, status: CLOSED }) { __typename } }`;
const REOPEN_ACCOUNT = `mutation($id: ID!) { accountUpdate(input: { id: $id, status: ACTIVE }) { __typename } }`;

/** A socket authenticated with `secret` (its first query answered) and how it was closed. */
async function authenticatedSocket(url: string, secret: string) {
  let onClosed!: (close: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = wsClient(url, secret, { on: { closed: (event: any) => onClosed({ code: event.code, reason: event.reason }) } });
  const live = subscribe(client, `subscription { accountChanged { sequence } }`);
  expect((await subscribe(client, `{ viewer { role } }`).next(20_000)).data.viewer.role).toBeTruthy();
  return { client, closed, live };
}

// With DATABASE_URL and REDIS_URL two instances share the database and the bus (changes are made
// on one, sockets sit on both); on PGlite both names are one instance.
describe("deactivating a partner or closing an account closes the sockets of its tokens", () => {
  const together = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env: Record<string, string> = together ? { REDIS_URL: process.env.REDIS_URL! } : {};
    a = await startTestApp({ env });
    b = together ? await startTestApp({ env, databaseUrl: a.databaseUrl! }) : a;
    dataOf(await a.gql(`mutation { partnerCreate(input: { code: "P-GONE", name: "Gone reseller" }) { __typename } }`));
    await createAccount(a, "C-GONE");
    await createAccount(a, "C-STAYS", { partnerCode: "P-GONE" });
  }, 120_000);
  afterAll(async () => {
    if (b !== a) await b?.stop();
    await a?.stop();
  });

  it("closes a deactivated partner's sockets with 4403 on every instance, refuses its token until it is reactivated, and leaves others' sockets open", async () => {
    const partnerSecret = await a.token("PARTNER", { partnerCode: "P-GONE" });
    const bystander = await authenticatedSocket(b.url, await a.token("CUSTOMER", { customerNumber: "C-STAYS" }));
    const sockets = [await authenticatedSocket(a.url, partnerSecret), await authenticatedSocket(b.url, partnerSecret)];
    const partnerId = dataOf(await a.gql(PARTNER)).partners.edges[0].node.id;

    const deactivated = dataOf(await a.gql(SET_ACTIVE("partnerDeactivate"), { id: partnerId })).partnerDeactivate;
    expect(deactivated.__typename).toBe("PartnerDeactivateSuccess");
    expect(deactivated.partner.deactivatedAt).not.toBeNull();
    for (const socket of sockets) expect(await socket.closed).toEqual({ code: 4403, reason: "Partner deactivated" });
    for (const app of [a, b]) expect((await app.gql(`{ viewer { role } }`, {}, partnerSecret)).status).toBe(401);
    // the partner's customer keeps its socket: a change of its account still reaches it
    dataOf(await a.gql(`mutation($id: ID!) { accountUpdate(input: { id: $id, name: "Still here" }) { __typename } }`, { id: await accountId(a, "C-STAYS") }));
    expect((await bystander.live.next(20_000)).data.accountChanged.sequence).toBeGreaterThan(0);

    expect(dataOf(await a.gql(SET_ACTIVE("partnerReactivate"), { id: partnerId })).partnerReactivate.partner.deactivatedAt).toBeNull();
    expect(dataOf(await b.gql(`{ viewer { role } }`, {}, partnerSecret)).viewer.role).toBe("PARTNER");
    await bystander.client.dispose();
  });

  it("closes a closed account's customer sockets with 4403 on every instance and refuses its token while the account stays closed", async () => {
    const customerSecret = await a.token("CUSTOMER", { customerNumber: "C-GONE" });
    const sockets = [await authenticatedSocket(a.url, customerSecret), await authenticatedSocket(b.url, customerSecret)];
    const id = await accountId(a, "C-GONE");

    expect(dataOf(await a.gql(CLOSE_ACCOUNT, { id })).accountUpdate.__typename).toBe("AccountUpdateSuccess");
    for (const socket of sockets) expect(await socket.closed).toEqual({ code: 4403, reason: "Account closed" });
    for (const app of [a, b]) expect((await app.gql(`{ viewer { role } }`, {}, customerSecret)).status).toBe(401);

    expect(dataOf(await b.gql(REOPEN_ACCOUNT, { id })).accountUpdate.__typename).toBe("AccountUpdateSuccess");
    expect(dataOf(await b.gql(`{ viewer { role } }`, {}, customerSecret)).viewer.role).toBe("CUSTOMER");
  });
});

async function accountId(t: TestApp, customerNumber: string): Promise<string> {
  return dataOf(await t.gql(`query($n: String!) { account(customerNumber: $n) { id } }`, { n: customerNumber })).account.id;
}
