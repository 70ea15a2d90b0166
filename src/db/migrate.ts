import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database, SqlSession } from "./client.ts";

export const MIGRATIONS_DIR = join(import.meta.dirname, "../../prisma/migrations");

// Same table and checksum (sha256 of the file) as Prisma's migrate, so `prisma migrate deploy` agrees.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Arbitrary constant shared by every supportclock process migrating the same database. */
const LOCK_KEY = 72_707_369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {}

/** Applies pending migrations, each in its own transaction; safe when several processes start at once. */
export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  return db.withSession(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      await session.exec(CREATE_TABLE);
      return await applyPending(session, migrations);
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  });
}

async function applyPending(session: SqlSession, migrations: Migration[]): Promise<string[]> {
  const rows = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((row) => [row.migration_name, row]));
  const done: string[] = [];
  for (const migration of migrations) {
    const row = applied.get(migration.name);
    if (row) {
      if (!row.finished_at) throw new MigrationError(`migration ${migration.name} failed earlier; resolve it by hand`);
      if (row.checksum !== migration.checksum) throw new MigrationError(`migration ${migration.name} was modified after it was applied`);
      continue;
    }
    await applyOne(session, migration);
    done.push(migration.name);
  }
  return done;
}

async function applyOne(session: SqlSession, migration: Migration): Promise<void> {
  await session.exec("BEGIN");
  try {
    await session.exec(migration.sql);
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await session.exec("COMMIT");
  } catch (error) {
    await session.exec("ROLLBACK");
    throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`);
  }
}

/** The migrations of this build not (or not successfully) applied to the database: readiness reports them. */
export async function pendingMigrations(db: Database, migrations = readMigrations()): Promise<string[]> {
  const rows = await db.withSession((session) =>
    session.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`),
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  return migrations.map((migration) => migration.name).filter((name) => !applied.has(name));
}
