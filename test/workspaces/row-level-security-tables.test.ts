import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acrossWorkspaces, inWorkspace } from "../../src/db/workspace-scope.ts";
import { populate } from "../helpers/one-of-everything.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { createWorkspace } from "../helpers/workspaces.ts";

/**
 * The row-level security matrix: every table with a workspaceId column, filled with one of
 * everything in two workspaces, read with no workspace filter at all (the application filter
 * bypassed, as a forgetful query would). Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
describe("row-level security on every workspace-owned table", () => {
  let t: TestApp;
  let alpha: string;
  let beta: string;
  let tables: string[];
  type Count = { n: number };
  const count = async (run: () => Promise<Count[]>) => Number((await run())[0]!.n);

  beforeAll(async () => {
    t = await startTestApp();
    const a = await createWorkspace(t, "rls-alpha");
    const b = await createWorkspace(t, "rls-beta");
    [alpha, beta] = [a.workspaceId, b.workspaceId];
    await populate(t, a, "RLS-ALPHA");
    await populate(t, b, "RLS-BETA");
    const rows = await t.app.db.sql<{ table: string }>(
      `SELECT table_name AS "table" FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'workspaceId' ORDER BY 1`,
    );
    tables = rows.map((row) => row.table);
  }, 240_000);
  afterAll(() => t.stop());

  it("finds the workspace-owned tables, and both workspaces have rows in most of them (so the checks below can fail)", async () => {
    expect(tables.length).toBeGreaterThan(20);
    const filled = [];
    for (const table of tables) {
      const both = await acrossWorkspaces(() =>
        t.app.db.sql<{ ws: string }>(`SELECT DISTINCT "workspaceId" AS ws FROM "${table}" WHERE "workspaceId" IN ($1, $2)`, [alpha, beta]),
      );
      if (both.length === 2) filled.push(table);
    }
    expect(filled).toEqual(
      expect.arrayContaining([
        "Account",
        "Ticket",
        "SlaClock",
        "UnitLedgerEntry",
        "Booking",
        "Tier",
        "TierTarget",
        "RequestType",
        "HelpArticle",
        "ApiToken",
        "OutboxEvent",
      ]),
    );
  });

  it("has row-level security enabled and forced, with a policy, on every one of them", async () => {
    const rows = await acrossWorkspaces(() =>
      t.app.db.sql<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
        `SELECT c.relname AS "table", c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname AND p.schemaname = current_schema()) AS policies
           FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname = ANY($1)`,
        [tables],
      ),
    );
    const unprotected = rows.filter((row) => !row.enabled || !row.forced || row.policies === 0).map((row) => row.table);
    expect(rows).toHaveLength(tables.length);
    expect(unprotected).toEqual([]);
  });

  it("an unfiltered query in a workspace sees only that workspace's rows, in every table", async () => {
    const leaks: string[] = [];
    for (const table of tables) {
      for (const [mine, theirs] of [
        [alpha, beta],
        [beta, alpha],
      ] as const) {
        const seen = await count(() =>
          inWorkspace(mine, () => t.app.db.sql<Count>(`SELECT count(*)::int AS n FROM "${table}" WHERE "workspaceId" = $1`, [theirs])),
        );
        const everything = await count(() => inWorkspace(mine, () => t.app.db.sql<Count>(`SELECT count(*)::int AS n FROM "${table}"`)));
        const own = await count(() =>
          acrossWorkspaces(() => t.app.db.sql<Count>(`SELECT count(*)::int AS n FROM "${table}" WHERE "workspaceId" = $1`, [mine])),
        );
        if (seen !== 0 || everything !== own) leaks.push(`${table}: from ${mine} saw ${seen} of the other's rows, ${everything} rows of ${own} own`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("without a workspace, an unfiltered query sees no row of any table", async () => {
    const visible: string[] = [];
    for (const table of tables) {
      const n = await count(() => t.app.db.sql<Count>(`SELECT count(*)::int AS n FROM "${table}"`));
      if (n !== 0) visible.push(`${table}: ${n}`);
    }
    expect(visible).toEqual([]);
  });
});
