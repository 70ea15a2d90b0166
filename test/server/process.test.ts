import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cpuHog } from "../helpers/cpu-hog.ts";
import { freshDatabaseUrl } from "../helpers/database.ts";
import { migratedServiceDatabase } from "../helpers/migrated.ts";
import { dataOf, postGql } from "../helpers/gql.ts";
import { ADMIN, spawnService, startService } from "../helpers/service-process.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

describe("the service process", () => {
  let database: Awaited<ReturnType<typeof migratedServiceDatabase>>;
  afterAll(() => database?.drop());

  it("serves /healthz, GraphiQL and GraphQL, drains on SIGTERM with exit 0, and keeps its data", async () => {
    database = await migratedServiceDatabase();
    const env = { ...database.env, SEED: "demo" };
    const first = await startService(env);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const graphiql = await fetch(`${first.url}/graphql`, { headers: { accept: "text/html" } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toMatch(/graphiql/i);
    dataOf(await postGql(first.url, `mutation { accountCreate(input: { customerNumber: "C-9999", name: "Survivor" }) { __typename } }`, {}, ADMIN));

    const client = wsClient(first.url, ADMIN);
    const closed = new Promise<number>((resolve) => client.on("closed", (event: any) => resolve(event.code)));
    subscribe(client, `subscription { accountChanged { kind } }`);
    // the service says on /healthz when it listens for the subscription
    await expect.poll(async () => (await (await fetch(`${first.url}/healthz`)).json()).subscriptions, { timeout: 30_000 }).toEqual({ accountChanged: 1 });
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(await closed).toBe(1001);

    const second = await startService(env);
    const { accounts, account } = dataOf(await postGql(second.url, `{ accounts { totalCount } account(customerNumber: "C-9999") { name } }`, {}, ADMIN));
    expect(account).toEqual({ name: "Survivor" });
    expect(accounts.totalCount).toBe(1); // ours, in `default`: the demo's customers live in the source workspaces
    const demo = dataOf(await postGql(second.url, `{ accounts { totalCount } }`, {}, ADMIN, { "x-workspace": "source-002" }));
    expect(demo.accounts.totalCount).toBe(3); // 002's demo customers, seeded once
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });
});

describe("SIGTERM while a first start is under way, on a busy machine", () => {
  it("while migrating: the start runs to its end (no migration cut off), then the process drains and exits 0; the next start finds every migration applied", async () => {
    const stopHog = cpuHog(2);
    const database = await freshDatabaseUrl(); // empty: this start migrates it
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), "supportclock-sigterm-")), DATABASE_URL: database.url };
    try {
      const first = spawnService(env);
      await first.printed(/migrations: checking/);
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);
      expect(first.output()).toMatch(/stopping: asked to stop while starting|listening on/);

      const second = await startService(env);
      expect(second.output()).toMatch(/migrations: up to date/);
      expect(dataOf(await postGql(second.url, `{ accounts { totalCount } }`, {}, ADMIN)).accounts.totalCount).toBe(0);
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    } finally {
      stopHog();
      await database.drop();
    }
  });
});
