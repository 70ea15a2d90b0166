import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { freshDatabaseUrl, type TestDatabase } from "./database.ts";

/** A fresh database the app has already migrated, copied from this run's image (test/global-setup.ts): PostgreSQL when DATABASE_URL is set, else undefined (PGlite). */
export const migratedDatabase = (): Promise<TestDatabase> => freshDatabaseUrl(inject("postgresTemplate"));

/**
 * A Blob whose bytes PGlite takes at once: Node's own Blob hands out arrayBuffer() by streaming
 * and concatenating its chunks, about a second of a test app's start for a 40 MB image.
 */
class BytesBlob extends Blob {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    super([new Uint8Array(bytes)]);
    this.#bytes = bytes;
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.#bytes;
    return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer; // a copy: PGlite may keep what it is given
  }
}

let image: Blob | undefined;
/** The migrated PGlite image an in-memory test app starts from, read once per test worker. */
export function migratedPgliteImage(): Blob {
  image ??= new BytesBlob(readFileSync(inject("pgliteImage")!));
  return image;
}

/** A new DATA_DIR for a service process: a copy of the run's migrated PGlite database (empty on a PostgreSQL run). */
export function migratedDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "supportclock-data-"));
  // a run on PostgreSQL makes no PGlite image: the first start there migrates the directory itself
  const image = inject("pgliteDataDir");
  if (image) cpSync(image, dir, { recursive: true });
  return dir;
}

/** Where a service process keeps its data: a migrated PostgreSQL database with DATABASE_URL, else a migrated DATA_DIR. */
export async function migratedServiceDatabase(): Promise<TestDatabase & { dataDir: string; env: { DATA_DIR: string; DATABASE_URL: string | undefined } }> {
  const database = await migratedDatabase();
  const dataDir = database.url ? mkdtempSync(join(tmpdir(), "supportclock-data-")) : migratedDataDir();
  return { ...database, dataDir, env: { DATA_DIR: dataDir, DATABASE_URL: database.url } };
}
