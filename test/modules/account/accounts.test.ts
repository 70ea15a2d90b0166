import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../../helpers/gql.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const CREATE = `mutation($input: AccountCreateInput!) {
  accountCreate(input: $input) {
    __typename
    ... on AccountCreateSuccess { account { id customerNumber name status paymentStatus language partner { code } } }
    ... on Error { message code }
    ... on ValidationError { field }
    ... on ConflictError { field }
    ... on NotFoundError { field }
  }
}`;
const UPDATE = `mutation($input: AccountUpdateInput!) {
  accountUpdate(input: $input) {
    __typename
    ... on AccountUpdateSuccess { account { id name status paymentStatus language } }
    ... on Error { message code }
    ... on ValidationError { field }
    ... on NotFoundError { field }
  }
}`;
const LIST = `query($filter: AccountFilter, $first: Int, $after: String) {
  accounts(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { customerNumber } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe("accounts through GraphQL", () => {
  let t: TestApp;
  let partnerToken: string;
  let customerToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-ACME", name: "Acme Resellers" }) { __typename } }`));
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-OTHER", name: "Other Resellers" }) { __typename } }`));
    for (const [number, partnerCode] of [
      ["C-1001", null],
      ["C-1002", "P-ACME"],
      ["C-1003", "P-OTHER"],
    ] as const) {
      const result = dataOf(await t.gql(CREATE, { input: { customerNumber: number, name: `Customer ${number}`, partnerCode } }));
      expect(result.accountCreate.__typename).toBe("AccountCreateSuccess");
    }
    partnerToken = await t.token("PARTNER", { partnerCode: "P-ACME" });
    customerToken = await t.token("CUSTOMER", { customerNumber: "C-1001" });
  });
  afterAll(() => t.stop());

  async function create(customerNumber: string, partnerCode: string | null = null) {
    const { accountCreate } = dataOf(await t.gql(CREATE, { input: { customerNumber, name: `Customer ${customerNumber}`, partnerCode } }));
    expect(accountCreate.__typename).toBe("AccountCreateSuccess");
    return accountCreate.account as { id: string; customerNumber: string };
  }

  it("creates an account with defaults and normalises the customer number", async () => {
    const { accountCreate } = dataOf(await t.gql(CREATE, { input: { customerNumber: " c-2001 ", name: "Nordlicht GmbH", language: "de" } }));
    expect(accountCreate).toMatchObject({
      __typename: "AccountCreateSuccess",
      account: { customerNumber: "C-2001", name: "Nordlicht GmbH", status: "ACTIVE", paymentStatus: "CURRENT", language: "de", partner: null },
    });
  });

  it("reads an account by customer number and as a Relay node", async () => {
    const { account } = dataOf(await t.gql(`{ account(customerNumber: "C-1002") { id name partner { code } } }`));
    expect(account).toMatchObject({ name: "Customer C-1002", partner: { code: "P-ACME" } });
    const { node } = dataOf(await t.gql(`query($id: ID!) { node(id: $id) { __typename ... on Account { customerNumber } } }`, { id: account.id }));
    expect(node).toEqual({ __typename: "Account", customerNumber: "C-1002" });
  });

  it("updates status and payment status and reports it", async () => {
    const account = await create("C-7001", "P-OTHER");
    const { accountUpdate } = dataOf(await t.gql(UPDATE, { input: { id: account.id, paymentStatus: "OVERDUE", status: "SUSPENDED" } }));
    expect(accountUpdate).toMatchObject({ __typename: "AccountUpdateSuccess", account: { status: "SUSPENDED", paymentStatus: "OVERDUE" } });
    const { account: read } = dataOf(await t.gql(`{ account(customerNumber: "C-7001") { status paymentStatus } }`));
    expect(read).toEqual({ status: "SUSPENDED", paymentStatus: "OVERDUE" });
  });

  it("pages through accounts in a stable order with totalCount and filters", async () => {
    // its own partner with two accounts, one of them suspended: other tests add and suspend accounts of their own
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-PAGE", name: "Paging Resellers" }) { __typename } }`));
    await create("C-6001", "P-PAGE");
    const toSuspend = await create("C-6002", "P-PAGE");
    expect(dataOf(await t.gql(UPDATE, { input: { id: toSuspend.id, status: "SUSPENDED" } })).accountUpdate.__typename).toBe("AccountUpdateSuccess");
    const first = dataOf(await t.gql(LIST, { first: 2 })).accounts;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(await t.gql(LIST, { first: 50, after: first.pageInfo.endCursor })).accounts;
    const all = [...first.edges, ...rest.edges].map((edge: any) => edge.node.customerNumber);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(first.totalCount);
    expect(all).toEqual(expect.arrayContaining(["C-1001", "C-1002", "C-1003", "C-6001", "C-6002"]));
    const suspended = dataOf(await t.gql(LIST, { filter: { status: ["SUSPENDED"], partnerCode: "P-PAGE" } })).accounts;
    expect(suspended.edges.map((edge: any) => edge.node.customerNumber)).toEqual(["C-6002"]);
    expect(suspended.totalCount).toBe(1);
    const byPartner = dataOf(await t.gql(LIST, { filter: { partnerCode: "P-PAGE" } })).accounts;
    expect(byPartner.edges.map((edge: any) => edge.node.customerNumber)).toEqual(["C-6001", "C-6002"]);
    expect(byPartner.totalCount).toBe(2);
    const acme = dataOf(await t.gql(LIST, { filter: { partnerCode: "P-ACME" } })).accounts;
    expect(acme.edges.map((edge: any) => edge.node.customerNumber)).toEqual(["C-1002"]);
  });

  it("shows partners only their own accounts and customers only themselves", async () => {
    const asPartner = dataOf(await t.gql(LIST, {}, partnerToken)).accounts;
    expect(asPartner.edges.map((edge: any) => edge.node.customerNumber)).toEqual(["C-1002"]);
    expect(asPartner.totalCount).toBe(1);
    expect(dataOf(await t.gql(`{ account(customerNumber: "C-1003") { name } }`, {}, partnerToken)).account).toBeNull();
    const asCustomer = dataOf(await t.gql(LIST, {}, customerToken)).accounts;
    expect(asCustomer.edges.map((edge: any) => edge.node.customerNumber)).toEqual(["C-1001"]);
    const { viewer } = dataOf(await t.gql(`{ viewer { role account { customerNumber } } }`, {}, customerToken));
    expect(viewer).toEqual({ role: "CUSTOMER", account: { customerNumber: "C-1001" } });
  });

  it("makes a partner's new account its own whatever partnerCode says", async () => {
    // a partner of its own: P-ACME's accounts stay as created
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-SELLER", name: "Seller Resellers" }) { __typename } }`));
    const seller = await t.token("PARTNER", { partnerCode: "P-SELLER" });
    const { accountCreate } = dataOf(await t.gql(CREATE, { input: { customerNumber: "C-3001", name: "Sold by Seller", partnerCode: "P-OTHER" } }, seller));
    expect(accountCreate.account.partner).toEqual({ code: "P-SELLER" });
  });

  it("refuses customers creating accounts and partners changing standing", async () => {
    const asCustomer = dataOf(await t.gql(CREATE, { input: { customerNumber: "C-4001", name: "Nope" } }, customerToken));
    expect(asCustomer.accountCreate).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    const { account } = dataOf(await t.gql(`{ account(customerNumber: "C-1002") { id } }`));
    const asPartner = dataOf(await t.gql(UPDATE, { input: { id: account.id, status: "CLOSED" } }, partnerToken));
    expect(asPartner.accountUpdate).toMatchObject({ __typename: "ForbiddenError" });
  });

  describe("bad input: a typed error naming the field, nothing written", () => {
    const count = async () => dataOf(await t.gql(`{ accounts { totalCount } }`)).accounts.totalCount;

    it.each([
      ["a duplicate customer number", { customerNumber: "C-1001", name: "Dup" }, "ConflictError", "customerNumber"],
      ["a malformed customer number", { customerNumber: "not valid!", name: "X" }, "ValidationError", "customerNumber"],
      ["an overlong name", { customerNumber: "C-5001", name: "x".repeat(201) }, "ValidationError", "name"],
      ["an empty name", { customerNumber: "C-5002", name: "   " }, "ValidationError", "name"],
      ["a bad language", { customerNumber: "C-5003", name: "X", language: "english" }, "ValidationError", "language"],
      ["an unknown partner", { customerNumber: "C-5004", name: "X", partnerCode: "P-NONE" }, "NotFoundError", "partnerCode"],
    ])("%s", async (_label, input, typename, field) => {
      const before = await count();
      const { accountCreate } = dataOf(await t.gql(CREATE, { input }));
      expect(accountCreate).toMatchObject({ __typename: typename, field });
      expect(accountCreate.message).toBeTruthy();
      expect(await count()).toBe(before);
    });

    it("an unknown enum value is rejected naming the field", async () => {
      const response = await t.gql(CREATE, { input: { customerNumber: "C-5005", name: "X", status: "HAPPY" } });
      expect(response.data).toBeUndefined();
      expect(response.errors?.[0]?.message).toContain("input.status");
    });

    it.each([
      ["garbage", "not-a-global-id"],
      ["another type's id", Buffer.from("Partner:01a1fddd-e606-773a-b151-98bee23f65a0").toString("base64url")],
    ])("an invalid global id (%s)", async (_label, id) => {
      const { accountUpdate } = dataOf(await t.gql(UPDATE, { input: { id, name: "X" } }));
      expect(accountUpdate).toMatchObject({ __typename: "ValidationError", field: "id" });
    });

    it("node() with an invalid id is a clear error, not an internal one", async () => {
      const response = await t.gql(`{ node(id: "%%%") { id } }`);
      expect(response.errors?.[0]?.message).toMatch(/id/);
      expect(response.errors?.[0]?.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
    });

    it("an over-long search filter names the field", async () => {
      const response = await t.gql(LIST, { filter: { search: "x".repeat(101) } });
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: "VALIDATION", field: "filter.search" } });
    });
  });
});
