import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { buildApp } from "../../src/server/app.ts";
import { adminQuery, databaseUrlOf } from "./database.ts";
import { testConfig } from "./test-config.ts";

/**
 * What every test app starts from, made once per run: a database the app has migrated and given
 * its standard request types, so a test app opens a copy instead of migrating its own.
 */
export interface DatabaseImage {
  /** PGlite: a file holding the data directory image (dumpDataDir), for in-memory databases */
  pgliteImage?: string;
  /** PGlite: the data directory itself, which service processes (DATA_DIR) start from a copy of */
  pgliteDataDir?: string;
  /** PostgreSQL: the template database test databases are created from */
  postgresTemplate?: string;
  remove(): Promise<void>;
}

export async function makeDatabaseImage(databaseUrl: string | undefined): Promise<DatabaseImage> {
  return databaseUrl ? postgresTemplate(databaseUrl) : pgliteImage();
}

async function prepared(env: Record<string, string>): Promise<void> {
  const app = await buildApp({ config: testConfig(env) });
  await app.stop();
}

async function pgliteImage(): Promise<DatabaseImage> {
  const dir = mkdtempSync(join(tmpdir(), "supportclock-image-"));
  await prepared({ DATA_DIR: join(dir, "data") });
  const lite = new PGlite(join(dir, "data"));
  await lite.waitReady;
  const image = await lite.dumpDataDir("none");
  await lite.close();
  const file = join(dir, "image.tar");
  writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  return { pgliteImage: file, pgliteDataDir: join(dir, "data"), remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function postgresTemplate(base: string): Promise<DatabaseImage> {
  const name = `sc_template_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(base, `CREATE DATABASE ${name}`);
  await prepared({ DATABASE_URL: databaseUrlOf(base, name) });
  return { postgresTemplate: name, remove: () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
