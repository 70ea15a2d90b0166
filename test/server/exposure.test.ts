import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAdminToken, ConfigError, loadConfig } from "../../src/config.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
  });

describe("what the service shows to whom: CORS, GraphiQL, introspection", () => {
  let open: TestApp;
  let closed: TestApp;
  beforeAll(async () => {
    open = await startTestApp();
    closed = await startTestApp({ env: { CORS_ORIGINS: "https://desk.example.com", GRAPHIQL: "off", INTROSPECTION: "off" } });
  }, 120_000);
  afterAll(async () => {
    await closed?.stop();
    await open?.stop();
  });

  it("answers no cross-origin caller by default, and only the listed origins when CORS_ORIGINS is set", async () => {
    expect((await preflight(open.url, "https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
    const post = await fetch(`${open.url}/graphql`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
    expect(post.headers.get("access-control-allow-credentials")).toBeNull();

    const listed = await preflight(closed.url, "https://desk.example.com");
    expect(listed.headers.get("access-control-allow-origin")).toBe("https://desk.example.com");
    expect(listed.headers.get("access-control-allow-headers")).toContain("authorization");
    expect((await preflight(closed.url, "https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("serves GraphiQL and introspection unless switched off", async () => {
    const page = (t: TestApp) => fetch(`${t.url}/graphql`, { headers: { accept: "text/html" } });
    expect((await page(open)).headers.get("content-type")).toContain("text/html");
    expect((await page(closed)).headers.get("content-type") ?? "").not.toContain("text/html");
    const INTROSPECT = `{ __schema { queryType { name } } }`;
    expect((await open.gql(INTROSPECT)).data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const refused = await closed.gql(INTROSPECT);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await closed.gql(`{ __typename viewer { role } }`)).data).toEqual({ __typename: "Query", viewer: { role: "ADMIN" } });
  });
});

describe("ADMIN_TOKEN at start-up", () => {
  it.each([
    ["a space", "change me 0123456789abcdef"],
    ["a character outside the bearer grammar", "change-me-0123456789#abc"],
    ["a non-ASCII letter", "change-me-0123456789-ä"],
    ["more than 200 characters", "a1".repeat(101)],
    ["fewer than 16 characters", "short-token"],
  ])("refuses %s with a message saying what a valid one is", (_label, token) => {
    expect(() => loadConfig({ ADMIN_TOKEN: token })).toThrow(ConfigError);
    expect(() => loadConfig({ ADMIN_TOKEN: token })).toThrow(/ADMIN_TOKEN must|ADMIN_TOKEN may only/);
  });

  it("warns on a low-entropy value and accepts a random one silently", () => {
    expect(checkAdminToken("aaaaaaaaaaaaaaaaaaaa")).toEqual([expect.stringContaining("ADMIN_TOKEN looks weak")]);
    expect(checkAdminToken("abababababababababab")).toHaveLength(1);
    expect(loadConfig({ ADMIN_TOKEN: "Zq3vN8xP-r2T_kW9yL4mB7cJ5hD0fG1s" }).warnings).toEqual([]);
  });

  it("refuses unknown switch values", () => {
    expect(() => loadConfig({ GRAPHIQL: "yes" })).toThrow(/GRAPHIQL must be "on" or "off"/);
    expect(() => loadConfig({ CORS_ORIGINS: "https://desk.example.com/" })).toThrow(/CORS_ORIGINS must list origins/);
  });
});
