import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acrossWorkspaces, inWorkspace } from "../../src/db/workspace-scope.ts";
import { dataOf } from "../helpers/gql.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

/**
 * Defence in depth: the database itself keeps workspaces apart. Statements here deliberately carry
 * no workspace filter — as a forgetful service would send them — and still see only the rows of
 * the workspace the work runs in, and nothing without one. Runs on PostgreSQL and on PGlite (the
 * same policies; PGlite is PostgreSQL 17).
 */
describe("row-level security", () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    for (const slug of ["vendor-a", "vendor-b"]) {
      const created = dataOf(
        await t.gql(
          `mutation($input: WorkspaceCreateInput!) { workspaceCreate(input: $input) { __typename ... on WorkspaceCreateSuccess { workspace { id } } } }`,
          { input: { slug, name: slug } },
        ),
      );
      expect(created.workspaceCreate.__typename).toBe("WorkspaceCreateSuccess");
      ids[slug] = (await t.app.services.workspaces.idOf(slug))!;
      for (const n of [1, 2]) {
        const made = await t.gql(
          `mutation { accountCreate(input: { customerNumber: "C-${slug.toUpperCase()}-${n}", name: "${slug} ${n}" }) { __typename } }`,
          {},
          undefined,
          { "x-workspace": slug },
        );
        expect(dataOf(made).accountCreate.__typename).toBe("AccountCreateSuccess");
      }
    }
  });
  afterAll(() => t.stop());

  const numbers = (rows: { customerNumber: string }[]) => rows.map((row) => row.customerNumber).sort();

  it("works as a role that is no superuser, so the policies apply to it", async () => {
    const [who] = await inWorkspace(ids["vendor-a"]!, () =>
      t.app.db.sql<{ role: string; superuser: boolean }>(
        `SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
      ),
    );
    expect(who).toEqual({ role: "supportclock_app", superuser: false });
  });

  it("answers an unfiltered plain SQL query with the current workspace's rows only", async () => {
    const sql = `SELECT "customerNumber" FROM "Account" ORDER BY 1`;
    expect(numbers(await inWorkspace(ids["vendor-a"]!, () => t.app.db.sql<{ customerNumber: string }>(sql)))).toEqual(["C-VENDOR-A-1", "C-VENDOR-A-2"]);
    expect(numbers(await inWorkspace(ids["vendor-b"]!, () => t.app.db.sql<{ customerNumber: string }>(sql)))).toEqual(["C-VENDOR-B-1", "C-VENDOR-B-2"]);
  });

  it("answers an unfiltered Prisma query (and a count, and a raw query in a transaction) with the current workspace's rows only", async () => {
    const a = ids["vendor-a"]!;
    expect(numbers(await inWorkspace(a, () => t.app.db.prisma.account.findMany()))).toEqual(["C-VENDOR-A-1", "C-VENDOR-A-2"]);
    expect(await inWorkspace(a, () => t.app.db.prisma.account.count())).toBe(2);
    const inTransaction = await inWorkspace(a, () =>
      t.app.db.prisma.$transaction((tx) => tx.$queryRaw<{ customerNumber: string }[]>`SELECT "customerNumber" FROM "Account"`),
    );
    expect(numbers(inTransaction)).toEqual(["C-VENDOR-A-1", "C-VENDOR-A-2"]);
  });

  it("finds nothing by another workspace's id", async () => {
    const [other] = await inWorkspace(ids["vendor-b"]!, () => t.app.db.sql<{ id: string }>(`SELECT id FROM "Account" LIMIT 1`));
    expect(await inWorkspace(ids["vendor-a"]!, () => t.app.db.prisma.account.findUnique({ where: { id: other!.id } }))).toBeNull();
    expect(await inWorkspace(ids["vendor-a"]!, () => t.app.db.prisma.account.updateMany({ where: { id: other!.id }, data: { name: "hijacked" } }))).toEqual({
      count: 0,
    });
  });

  it("shows nothing when no workspace is set, and every workspace only to work that says so", async () => {
    expect(await t.app.db.sql(`SELECT id FROM "Account"`)).toEqual([]);
    expect(await t.app.db.prisma.ticket.count()).toBe(0);
    const all = await acrossWorkspaces(() =>
      t.app.db.sql<{ customerNumber: string }>(`SELECT "customerNumber" FROM "Account" WHERE "customerNumber" LIKE 'C-VENDOR-%'`),
    );
    expect(all).toHaveLength(4);
  });

  it("refuses to write a row into another workspace", async () => {
    const write = inWorkspace(ids["vendor-a"]!, () =>
      t.app.db.sql(`INSERT INTO "Account" (id, "workspaceId", "customerNumber", name, "updatedAt") VALUES ('x', $1, 'C-SNEAK', 'Sneak', now())`, [
        ids["vendor-b"],
      ]),
    );
    await expect(write).rejects.toThrow(/row-level security/);
    const noWorkspace = t.app.db.sql(`INSERT INTO "Account" (id, "customerNumber", name, "updatedAt") VALUES ('y', 'C-NOWHERE', 'Nowhere', now())`);
    await expect(noWorkspace).rejects.toThrow();
  });
});
