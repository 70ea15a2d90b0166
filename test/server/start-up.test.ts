import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataOf, postGql } from "../helpers/gql.ts";
import { migratedDataDir } from "../helpers/migrated.ts";
import { runUntilExit, startService } from "../helpers/service-process.ts";

const progress = (output: string) => output.split("\n").flatMap((line) => /^supportclock: (\w[\w ]*?):/.exec(line)?.[1] ?? []);

describe("a start that talks (the real process)", () => {
  it("first start without ADMIN_TOKEN: progress lines, a one-time admin token that works; the next start says how to get in and that the demo data was not loaded", async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), "supportclock-first-")), DATABASE_URL: undefined, ADMIN_TOKEN: undefined, SEED: "demo" };
    const first = await startService(env);
    const output = first.output();
    const steps = [...new Set(progress(output))];
    expect(
      steps.filter((step) => ["database", "migrations", "demo data", "admin", "listening on http"].includes(step)),
      output,
    ).toEqual(["database", "migrations", "demo data", "admin", "listening on http"]);
    expect(output.trim().split("\n").at(-1)).toMatch(/^supportclock: listening on http/);
    expect(output).toMatch(/demo data: loaded/);
    const secret = /Authorization: Bearer (sc_\S+)/.exec(output)?.[1];
    expect(secret, output).toBeDefined();
    const asAdmin = dataOf(await postGql(first.url, `{ accounts { totalCount } apiTokens { edges { node { name role prefix platformAdmin } } } }`, {}, secret));
    expect(asAdmin.accounts.totalCount).toBe(0); // naming no workspace it acts in default; the demo has a workspace per source
    expect(asAdmin.apiTokens.edges.map((edge: any) => edge.node)).toEqual([
      { name: "first-start administrator", role: "ADMIN", prefix: secret!.slice(0, 8), platformAdmin: true },
    ]);
    const demo = dataOf(await postGql(first.url, `{ workspace { slug } accounts { totalCount } }`, {}, secret, { "x-workspace": "source-002" }));
    expect(demo).toMatchObject({ workspace: { slug: "source-002" }, accounts: { totalCount: expect.any(Number) } });
    expect(demo.accounts.totalCount).toBeGreaterThan(0);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const second = await startService(env);
    expect(second.output()).toMatch(/demo data: not loaded, the database already holds data/);
    expect(second.output()).toContain(`use the admin token shown at the first start (it begins ${secret!.slice(0, 8)})`);
    expect(second.output()).not.toContain(secret);
    expect(dataOf(await postGql(second.url, `{ apiTokens { totalCount } }`, {}, secret)).apiTokens.totalCount).toBe(1);

    const busy = await runUntilExit({ DATA_DIR: migratedDataDir(), DATABASE_URL: undefined, PORT: new URL(second.url).port });
    expect(busy.code).toBe(1);
    expect(busy.stderr.trim().split("\n")).toEqual([
      `supportclock: cannot start: 127.0.0.1:${new URL(second.url).port} is already in use (EADDRINUSE); stop the process that holds it or set PORT to another port`,
    ]);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });

  it("the token a first start generates is the platform administrator, as ADMIN_TOKEN is: it creates and lists workspaces and acts in the one named", async () => {
    // a migrated database holds no admin token (ADMIN_TOKEN, which made it, is not stored): this start is its first
    const service = await startService({ DATA_DIR: migratedDataDir(), DATABASE_URL: undefined, ADMIN_TOKEN: undefined, SEED: undefined });
    try {
      const secret = /Authorization: Bearer (sc_\S+)/.exec(service.output())?.[1];
      expect(secret, service.output()).toBeDefined();
      const create = `mutation { workspaceCreate(input: { slug: "first-vendor", name: "First vendor" }) { __typename ... on Error { code } } }`;
      expect(dataOf(await postGql(service.url, create, {}, secret)).workspaceCreate.__typename).toBe("WorkspaceCreateSuccess");
      const listed = dataOf(await postGql(service.url, `{ workspaces { edges { node { slug } } } }`, {}, secret));
      expect(listed.workspaces.edges.map((edge: any) => edge.node.slug).sort()).toEqual(["default", "first-vendor"]);
      const inside = `mutation { accountCreate(input: { customerNumber: "C-100", name: "First customer", language: "en" }) { __typename } }`;
      expect(dataOf(await postGql(service.url, inside, {}, secret, { "x-workspace": "first-vendor" })).accountCreate.__typename).toBe("AccountCreateSuccess");
      const seen = (slug: string) => postGql(service.url, `{ workspace { slug } accounts { totalCount } }`, {}, secret, { "x-workspace": slug });
      expect(dataOf(await seen("first-vendor"))).toEqual({ workspace: { slug: "first-vendor" }, accounts: { totalCount: 1 } });
      expect(dataOf(await seen("default"))).toEqual({ workspace: { slug: "default" }, accounts: { totalCount: 0 } });
      // a workspace's own ADMIN token is not: it may not manage workspaces
      const issued = `mutation { apiTokenCreate(input: { name: "vendor admin", role: ADMIN }) { ... on ApiTokenIssued { secret } } }`;
      const vendorAdmin = dataOf(await postGql(service.url, issued, {}, secret, { "x-workspace": "first-vendor" })).apiTokenCreate.secret;
      const refused = await postGql(service.url, create.replace("first-vendor", "second-vendor"), {}, vendorAdmin);
      expect(refused.errors?.[0]?.extensions?.code ?? refused.data?.workspaceCreate?.code, JSON.stringify(refused)).toBe("FORBIDDEN");
    } finally {
      service.child.kill("SIGTERM");
      await service.exited;
    }
  });

  // each env is made when its test runs (a migrated DATA_DIR is a copy of the run's image: it migrates nothing)
  it.each<[string, () => Record<string, string | undefined>, RegExp]>([
    [
      "production without ADMIN_TOKEN on a database without an admin token",
      () => ({ NODE_ENV: "production", ADMIN_TOKEN: undefined, DATA_DIR: migratedDataDir(), DATABASE_URL: undefined }),
      /^supportclock: configuration error: no ADMIN_TOKEN set and the database has no admin token: set ADMIN_TOKEN \(16\+ characters\) to start in production$/,
    ],
    [
      "a PostgreSQL server that is not there",
      () => ({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" }),
      /^supportclock: cannot start: PostgreSQL at 127\.0\.0\.1:1\/none is not reachable \(ECONNREFUSED\); is it running, and is DATABASE_URL right\?$/,
    ],
    ["a short ADMIN_TOKEN", () => ({ ADMIN_TOKEN: "short" }), /^supportclock: configuration error: ADMIN_TOKEN must be at least 16 characters$/],
  ])("refuses %s in one line with a non-zero exit", async (_name, env, line) => {
    const { code, stderr } = await runUntilExit(env());
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(line)]);
  });
});
