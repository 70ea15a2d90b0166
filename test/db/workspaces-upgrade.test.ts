import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { migrate, readMigrations } from "../../src/db/migrate.ts";
import { inWorkspace } from "../../src/db/workspace-scope.ts";
import { DEFAULT_WORKSPACE_ID } from "../../src/modules/workspace/index.ts";
import { freshDatabaseUrl } from "../helpers/database.ts";

const WORKSPACES = readMigrations().find((m) => m.name.endsWith("_workspaces"))!.name;

/** A database built before workspaces existed, with data in it, upgraded in place. */
describe("upgrading a database from before workspaces", () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let db: Database;
  let upgraded: { rows: { t: string; w: string }[]; workspaces: unknown[] };
  beforeAll(async () => {
    database = await freshDatabaseUrl();
    db = await openDatabase({ databaseUrl: database.url, dataDir: "memory" });
    const before = readMigrations().filter((m) => m.name < WORKSPACES);
    expect(await migrate(db, before)).toHaveLength(before.length);
    await db.withSession(async (s) => {
      await s.exec(`
        INSERT INTO "Partner" (id, code, name) VALUES ('p1', 'P-OLD', 'Old reseller');
        INSERT INTO "Account" (id, "customerNumber", name, "partnerId", "updatedAt") VALUES ('a1', 'C-OLD', 'Old customer', 'p1', now()), ('a2', 'C-OLD-2', 'Second', NULL, now());
        INSERT INTO "RequestType" (id, code, name, "updatedAt") VALUES ('r1', 'DEFECT', 'Defect', now());
        INSERT INTO "Ticket" (id, "accountId", "priorityRank", "priorityLabel", channel, language, "requestTypeId", subject, body, status, "createdBy", "updatedAt")
          VALUES ('t1', 'a1', 1, 'low', 'EMAIL', 'en', 'r1', 'Old ticket', 'From before', 'OPEN', 'test', now());
        INSERT INTO "UnitLedgerEntry" (id, "accountId", seq, kind, units, "balanceAfter", actor, "idempotencyKey", "requestHash") VALUES ('e1', 'a1', 1, 'PURCHASE', 8, 8, 'test', 'k1', 'h');
        INSERT INTO "OutboxEvent" (topic, payload) VALUES ('accountChanged', '{"accountId":"a1","kind":"CREATED"}');
      `);
    });
    await migrate(db);
    db.enforceWorkspaces();
    // what the upgrade left, read before any test writes: the per-workspace test adds a workspace and rows of its own
    upgraded = {
      rows: await db.withSession((s) =>
        s.query<{ t: string; w: string }>(`
        SELECT 'Partner' t, "workspaceId" w FROM "Partner" UNION ALL SELECT 'Account', "workspaceId" FROM "Account"
        UNION ALL SELECT 'RequestType', "workspaceId" FROM "RequestType" UNION ALL SELECT 'Ticket', "workspaceId" FROM "Ticket"
        UNION ALL SELECT 'UnitLedgerEntry', "workspaceId" FROM "UnitLedgerEntry" UNION ALL SELECT 'OutboxEvent', "workspaceId" FROM "OutboxEvent"`),
      ),
      workspaces: await db.withSession((s) => s.query(`SELECT id, slug FROM "Workspace"`)),
    };
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it("moves every existing row into the workspace `default`", async () => {
    const { rows, workspaces } = upgraded;
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((row) => row.w))).toEqual(new Set([DEFAULT_WORKSPACE_ID]));
    expect(workspaces).toEqual([{ id: DEFAULT_WORKSPACE_ID, slug: "default" }]);
  });

  it("shows the upgraded rows to `default` only, and keeps customer numbers and codes unique per workspace", async () => {
    expect(await inWorkspace(DEFAULT_WORKSPACE_ID, () => db.prisma.account.count())).toBe(2);
    expect(await inWorkspace(DEFAULT_WORKSPACE_ID, () => db.prisma.ticket.findMany({ select: { subject: true } }))).toEqual([{ subject: "Old ticket" }]);
    await db.withSession((s) => s.exec(`INSERT INTO "Workspace" (id, slug, name) VALUES ('w2', 'other', 'Other vendor')`));
    expect(await inWorkspace("w2", () => db.prisma.account.count())).toBe(0);
    await inWorkspace("w2", () => db.prisma.account.create({ data: { customerNumber: "C-OLD", name: "Same number, other vendor" } }));
    await inWorkspace("w2", () => db.prisma.requestType.create({ data: { code: "DEFECT", name: "Their defect" } }));
    await expect(inWorkspace(DEFAULT_WORKSPACE_ID, () => db.prisma.account.create({ data: { customerNumber: "C-OLD", name: "Twice" } }))).rejects.toThrow();
    expect(await inWorkspace(DEFAULT_WORKSPACE_ID, () => db.prisma.account.count())).toBe(2);
    expect(await inWorkspace("w2", () => db.prisma.account.findMany({ select: { name: true } }))).toEqual([{ name: "Same number, other vendor" }]);
  });

  it("keeps the ledger append-only after the upgrade", async () => {
    await expect(inWorkspace(DEFAULT_WORKSPACE_ID, () => db.prisma.unitLedgerEntry.updateMany({ data: { units: 9 } }))).rejects.toThrow(/append-only/);
  });
});
