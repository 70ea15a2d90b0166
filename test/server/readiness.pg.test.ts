import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl } from "../helpers/database.ts";
import { tcpProxy } from "../helpers/tcp-proxy.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as any };
};

/** Asks again after each answer until `condition` holds (bounded by the test's timeout). */
async function until(condition: () => Promise<boolean>) {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
}

// A PostgreSQL test (vitest.config.ts runs *.pg.test.ts only with DATABASE_URL): the app reaches
// its database through a TCP proxy, so dropping the proxy is PostgreSQL going away as the app sees it
// (open connections cut, new ones refused).
describe("readiness follows PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let proxy: Awaited<ReturnType<typeof tcpProxy>>;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshDatabaseUrl();
    proxy = await tcpProxy(database.url!);
    const through = new URL(database.url!);
    through.port = new URL(proxy.url).port;
    through.hostname = "127.0.0.1";
    t = await startTestApp({ databaseUrl: through.toString() });
  });
  afterAll(async () => {
    await t?.stop();
    await proxy?.close();
    await database?.drop();
  });

  it("answers /readyz 503 naming the database while PostgreSQL is unreachable, /healthz 200 throughout, and 200 again once it is back", async () => {
    expect((await get(`${t.url}/readyz`)).status).toBe(200);
    proxy.drop();
    expect(await get(`${t.url}/readyz`)).toEqual({
      status: 503,
      body: { status: "not ready", checks: { database: "unreachable", migrations: "unreachable", redis: "not configured" } },
    });
    expect((await get(`${t.url}/healthz`)).status).toBe(200);
    proxy.restore();
    await until(async () => (await get(`${t.url}/readyz`)).status === 200);
    expect((await get(`${t.url}/readyz`)).body).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok", redis: "not configured" } });
    // and the service serves again
    expect((await t.gql(`{ viewer { role } }`)).status).toBe(200);
  });
});
