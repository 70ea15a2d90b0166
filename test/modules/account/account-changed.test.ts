import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../../helpers/gql.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { subscribe, wsClient } from "../../helpers/ws.ts";
import { ADMIN_TOKEN } from "../../helpers/test-app.ts";

const SUBSCRIPTION = `subscription($customerNumber: String) { accountChanged(customerNumber: $customerNumber) { kind sequence account { customerNumber name } } }`;
const create = (t: TestApp, customerNumber: string, partnerCode?: string) =>
  t.gql(`mutation($input: AccountCreateInput!) { accountCreate(input: $input) { __typename } }`, {
    input: { customerNumber, name: `Account ${customerNumber}`, partnerCode },
  });

describe("accountChanged over graphql-ws", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-ACME", name: "Acme" }) { __typename } }`));
  });
  afterAll(() => t.stop());

  it("delivers creations and updates, re-read at delivery", async () => {
    const live = t.subscribed("accountChanged");
    const client = wsClient(t.url, ADMIN_TOKEN);
    const events = subscribe(client, SUBSCRIPTION);
    await live;
    dataOf(await create(t, "C-7001"));
    const created = await events.next();
    expect(created).toMatchObject({ data: { accountChanged: { kind: "CREATED", account: { customerNumber: "C-7001", name: "Account C-7001" } } } });
    const { account } = dataOf(await t.gql(`{ account(customerNumber: "C-7001") { id } }`));
    dataOf(await t.gql(`mutation($id: ID!) { accountUpdate(input: { id: $id, name: "Renamed" }) { __typename } }`, { id: account.id }));
    const updated = await events.next();
    expect(updated).toMatchObject({ data: { accountChanged: { kind: "UPDATED", account: { customerNumber: "C-7001", name: "Renamed" } } } });
    expect(updated.data.accountChanged.sequence).toBeGreaterThan(created.data.accountChanged.sequence);
    events.close();
    await client.dispose();
  });

  it("re-authorises every event: a partner sees only its own accounts", async () => {
    const partnerToken = await t.token("PARTNER", { partnerCode: "P-ACME" });
    const live = t.subscribed("accountChanged");
    const client = wsClient(t.url, partnerToken);
    const events = subscribe(client, SUBSCRIPTION);
    await live;
    dataOf(await create(t, "C-7002"));
    dataOf(await create(t, "C-7003", "P-ACME"));
    expect(await events.next()).toMatchObject({ data: { accountChanged: { account: { customerNumber: "C-7003" } } } });
    // C-7002 came first and was skipped; a later partner account is the next event, nothing between
    dataOf(await create(t, "C-7004", "P-ACME"));
    expect(await events.next()).toMatchObject({ data: { accountChanged: { account: { customerNumber: "C-7004" } } } });
    events.close();
    await client.dispose();
  });

  it("closes the connection with 4403 when connection_init carries a bad token", async () => {
    const closed = new Promise<number>((resolve) => {
      const client = wsClient(t.url, "sc_definitely-not-a-token", { on: { closed: (event: any) => resolve(event.code) } });
      subscribe(client, SUBSCRIPTION);
    });
    expect(await closed).toBe(4403);
  });

  it("refuses a socket without a credential before any subscription (4401)", async () => {
    const closed = new Promise<number>((resolve) => {
      const client = wsClient(t.url, undefined, { on: { closed: (event: any) => resolve(event.code) } });
      subscribe(client, SUBSCRIPTION);
    });
    expect(await closed).toBe(4401);
  });
});
