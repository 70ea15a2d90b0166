import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as any };
};

describe("liveness and readiness", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("answers /healthz (alive) and /readyz (database reachable, migrations applied, no Redis configured)", async () => {
    expect(await get(`${t.url}/healthz`)).toEqual({ status: 200, body: { status: "ok", database: t.app.db.kind, subscriptions: {} } });
    expect(await get(`${t.url}/readyz`)).toEqual({
      status: 200,
      body: { status: "ready", checks: { database: "ok", migrations: "ok", redis: "not configured" } },
    });
  });

  it("is not ready (503, naming the migration) while a migration of this build is not applied, and alive all the same", async () => {
    const [latest] = await t.app.db.withSession((session) =>
      session.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`),
    );
    await t.app.db.withSession((session) =>
      session.query(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1`, [latest!.migration_name]),
    );
    try {
      expect(await get(`${t.url}/readyz`)).toEqual({
        status: 503,
        body: { status: "not ready", checks: { database: "ok", migrations: `pending: ${latest!.migration_name}`, redis: "not configured" } },
      });
      expect((await get(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await t.app.db.withSession((session) =>
        session.query(`UPDATE "_prisma_migrations" SET finished_at = now() WHERE migration_name = $1`, [latest!.migration_name]),
      );
    }
    expect((await get(`${t.url}/readyz`)).status).toBe(200);
  });
});
