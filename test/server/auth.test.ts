import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../helpers/gql.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

describe("authentication and API tokens", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("gives unauthenticated callers nothing but a clear error", async () => {
    const response = await t.gql(`{ accounts { totalCount } }`, {}, null);
    expect(response.data?.accounts ?? null).toBeNull();
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it.each([
    ["malformed", "Basic abc"],
    ["unknown", "Bearer sc_this-token-does-not-exist"],
  ])("rejects a %s credential with 401", async (_label, header) => {
    const response = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: header },
      body: JSON.stringify({ query: "{ viewer { role } }" }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("issues a token once, shows only its prefix afterwards, and revokes it", async () => {
    const issued = dataOf(
      await t.gql(
        `mutation { apiTokenCreate(input: { name: "Dashboard", role: AGENT }) { __typename ... on ApiTokenIssued { secret token { id prefix role revokedAt } } } }`,
      ),
    ).apiTokenCreate;
    expect(issued.secret).toMatch(/^sc_/);
    expect(issued.secret.startsWith(issued.token.prefix)).toBe(true);
    expect(dataOf(await t.gql(`{ viewer { role } }`, {}, issued.secret)).viewer.role).toBe("AGENT");
    const listed = dataOf(await t.gql(`{ apiTokens { totalCount edges { node { prefix } } } }`)).apiTokens;
    expect(JSON.stringify(listed)).not.toContain(issued.secret);
    const revoked = dataOf(
      await t.gql(`mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { __typename ... on ApiTokenRevokeSuccess { token { revokedAt } } } }`, {
        id: issued.token.id,
      }),
    ).apiTokenRevoke;
    expect(revoked.token.revokedAt).toBeTruthy();
    const after = await t.gql(`{ viewer { role } }`, {}, issued.secret);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("keeps token administration to administrators", async () => {
    const agent = await t.token("AGENT");
    const response = await t.gql(`mutation { apiTokenCreate(input: { name: "x", role: ADMIN }) { __typename } }`, {}, agent);
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it.each([
    ["a PARTNER token without partner", { role: "PARTNER" }, "ValidationError", "partnerCode"],
    ["a CUSTOMER token for an unknown account", { role: "CUSTOMER", customerNumber: "C-404" }, "NotFoundError", "customerNumber"],
    ["an AGENT token bound to an account", { role: "AGENT", customerNumber: "C-404" }, "ValidationError", "customerNumber"],
  ])("refuses %s", async (_label, input, typename, field) => {
    const result = dataOf(
      await t.gql(
        `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { __typename ... on ValidationError { field } ... on NotFoundError { field } } }`,
        {
          input: { name: "t", ...input },
        },
      ),
    ).apiTokenCreate;
    expect(result).toEqual({ __typename: typename, field });
  });
});
