import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { migrate, readMigrations } from "../../src/db/migrate.ts";
import { freshDatabaseUrl } from "../helpers/database.ts";

const PROCESSES = 4;

// A PostgreSQL test (vitest.config.ts runs *.pg.test.ts only with DATABASE_URL): PGlite has one
// connection, so migrations started at once run one after the other there whatever the lock does.
describe("the migrator on PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let dbs: Database[];
  beforeAll(async () => {
    database = await freshDatabaseUrl();
    dbs = await Promise.all(Array.from({ length: PROCESSES }, () => openDatabase({ databaseUrl: database.url })));
  });
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.close()));
    await database.drop();
  });

  it("is safe when several processes (each its own pool) migrate one empty database at once: each migration applied once", async () => {
    const applied = await Promise.all(dbs.map((db) => migrate(db)));
    expect(applied.flat().sort()).toEqual(readMigrations().map((m) => m.name));
    const rows = await dbs[0]!.withSession((s) =>
      s.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    expect(rows.map((row) => row.migration_name)).toEqual(readMigrations().map((m) => m.name));
  });
});
