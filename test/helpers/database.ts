import { randomBytes } from "node:crypto";
import pg from "pg";

export interface TestDatabase {
  /** undefined means in-memory PGlite */
  url: string | undefined;
  drop: () => Promise<void>;
}

/**
 * A fresh database for one test app: a new PostgreSQL database next to DATABASE_URL's when that is
 * set (CI runs the suite both ways), otherwise undefined, meaning in-memory PGlite. Empty, or a copy
 * of `template` (a migrated one, made once per run by test/global-setup.ts).
 */
export async function freshDatabaseUrl(template?: string): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => {} };
  const name = `sc_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(base, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  return { url: databaseUrlOf(base, name), drop: () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export function databaseUrlOf(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(base: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
