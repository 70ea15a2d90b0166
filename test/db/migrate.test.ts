import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { MIGRATIONS_DIR, migrate, readMigrations } from "../../src/db/migrate.ts";
import { getDatamodel } from "../../src/generated/pothos-prisma-types.ts";
import { freshDatabaseUrl } from "../helpers/database.ts";

/** An empty database of its own (in-memory PGlite, or a new PostgreSQL database). */
async function emptyDatabase() {
  const database = await freshDatabaseUrl();
  const db = await openDatabase({ databaseUrl: database.url, dataDir: "memory" });
  const close = async () => {
    await db.close();
    await database.drop();
  };
  return { db, close };
}

describe("the migrator", () => {
  /** migrated once for the tests after the first, which starts from an empty database of its own */
  let migrated: Awaited<ReturnType<typeof emptyDatabase>>;
  let db: Database;
  beforeAll(async () => {
    migrated = await emptyDatabase();
    db = migrated.db;
    await migrate(db);
  });
  afterAll(() => migrated.close());

  it("applies every migration once, recorded with Prisma's checksum", async () => {
    const empty = await emptyDatabase();
    try {
      const migrations = readMigrations();
      expect(await migrate(empty.db)).toEqual(migrations.map((m) => m.name));
      expect(await migrate(empty.db)).toEqual([]);
      const rows = await empty.db.withSession((s) =>
        s.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
          `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
        ),
      );
      expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
      for (const [i, row] of rows.entries()) {
        expect(row.finished_at).not.toBeNull();
        expect(row.checksum).toBe(createHash("sha256").update(migrations[i]!.sql).digest("hex"));
      }
    } finally {
      await empty.close();
    }
  });

  it("leaves a database with every model and field of schema.prisma", async () => {
    const columns = await db.withSession((s) =>
      s.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
      ),
    );
    const present = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    // The model carries no @map/@@map, so Prisma's names are the table and column names.
    const expected = Object.entries(getDatamodel().datamodel.models).flatMap(([model, { fields }]) =>
      fields.filter((f) => f.kind !== "object").map((f) => `${model}.${f.name}`),
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.filter((column) => !present.has(column))).toEqual([]);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const dir = mkdtempSync(join(tmpdir(), "migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const first = readMigrations(dir)[0]!;
    writeFileSync(join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(migrate(db, readMigrations(dir))).rejects.toThrow(/modified/);
  });

  it("rolls back a failing migration and records nothing", async () => {
    const broken = { name: "99999999999999_broken", sql: `CREATE TABLE "Half" (id int); SELECT no_such_function();`, checksum: "x" };
    await expect(migrate(db, [...readMigrations(), broken])).rejects.toThrow(/broken/);
    const half = await db.withSession((s) => s.query(`SELECT to_regclass('"Half"') AS t`));
    expect(half[0]).toEqual({ t: null });
    const recorded = await db.withSession((s) => s.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name]));
    expect(recorded).toEqual([]);
  });
});
