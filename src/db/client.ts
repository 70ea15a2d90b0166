import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { batchPerScope } from "./prisma-batches.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { ownerSession, type ScopeSwitch, scopedPglite, scopedPool } from "./scoped-connections.ts";

/** A plain SQL session, used by the migrator and for work Prisma cannot express. */
export interface SqlSession {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** One statement on any free connection, bypassing Prisma: for the hottest writes, where Prisma's per-call cost dominates. */
export type SqlQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[], options?: SqlOptions) => Promise<T[]>;

export interface SqlOptions {
  /**
   * The text is one of a few fixed shapes (values only in parameters): PostgreSQL parses and plans
   * it once per connection, as a named prepared statement, instead of on every call. Never for text
   * that embeds values: each connection keeps every statement it prepared.
   */
  prepare?: boolean;
}

/**
 * The database. Once `enforceWorkspaces()` was called, `prisma` and `sql` work as the application
 * role in the scope of the calling work (src/db/workspace-scope.ts): row-level security shows them
 * one workspace's rows, every workspace's for background work that says so, or none.
 */
export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlQuery;
  /** Runs `fn` as the owner on one dedicated connection (session-level locks hold for its duration): the migrator's. */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** From now on every statement runs as the application role, scoped to its work's workspace. */
  enforceWorkspaces(): void;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** Wraps Prisma's driver adapter, e.g. to count SQL statements in tests. */
  wrapAdapter?: AdapterWrapper;
  /** An in-memory PGlite database starts as a copy of this data directory image (PGlite's dumpDataDir). */
  image?: Blob;
}

// Prisma's other formats capture a stack trace on every call to point at the caller in error
// messages; clients never see those messages (errors are masked), so that cost buys nothing.
const ERROR_FORMAT = "minimal";

/** Wraps Prisma's driver adapter; `sql`, when there, wraps the plain SQL path too (tests count both). */
export type AdapterWrapper = (<A extends object>(adapter: A) => A) & { sql?: (query: SqlQuery) => SqlQuery };
const asIs: AdapterWrapper = (adapter) => adapter;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const wrap = options.wrapAdapter ?? asIs;
  const database = await (options.databaseUrl ? openPostgres(options.databaseUrl, wrap) : openPglite(options.dataDir ?? "./data", wrap, options.image));
  return wrap.sql ? { ...database, sql: wrap.sql(database.sql) } : database;
}

async function openPostgres(url: string, wrap: AdapterWrapper): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const scopes: ScopeSwitch = { enforced: false };
  const scoped = scopedPool(pool, scopes);
  const prisma = new PrismaClient({ adapter: wrap(new PrismaPg(scoped)), errorFormat: ERROR_FORMAT });
  batchPerScope(prisma);
  return {
    kind: "postgres",
    prisma,
    sql: async (sql, params, options) => (await scoped.query(options?.prepare ? { name: statementName(sql), text: sql, values: params } : sql, params)).rows,
    enforceWorkspaces: () => void (scopes.enforced = true),
    async withSession(fn) {
      const client = await ownerSession(pool);
      try {
        return await fn({
          exec: async (sql) => void (await client.query(sql)),
          query: async (sql, params) => (await client.query(sql, params)).rows,
        });
      } finally {
        // Its session settings are the owner's now, which the scoped pool does not know: the
        // connection is closed rather than handed to work that would write as the owner.
        client.release(true);
      }
    },
    async close() {
      await prisma.$disconnect();
      // pool.end() resolves once every client was asked to end, not once its socket closed; a
      // server-side kill in between (DROP DATABASE … FORCE in tests) would be an unhandled error.
      let open = pool.totalCount;
      const closed = new Promise<void>((resolve) => {
        if (open === 0) resolve();
        pool.on("remove", () => --open === 0 && resolve());
      });
      await pool.end();
      await closed;
    },
  };
}

/** A prepared statement's name: its text's digest, so one text is prepared once per connection, under one name. */
const statementName = (sql: string) => `sc_${createHash("sha1").update(sql).digest("base64url")}`;

async function openPglite(dataDir: string, wrap: AdapterWrapper, image: Blob | undefined): Promise<Database> {
  if (dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir === "memory" ? () => {} : lockDataDir(dataDir);
  const lite = dataDir === "memory" ? new PGlite(image ? { loadDataDir: image } : {}) : new PGlite(dataDir);
  try {
    await lite.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const scopes: ScopeSwitch = { enforced: false };
  const scoped = scopedPglite(lite, scopes);
  const prisma = new PrismaClient({ adapter: wrap(new PrismaPGlite(scoped.client)), errorFormat: ERROR_FORMAT });
  batchPerScope(prisma);
  const session: SqlSession = {
    exec: async (sql) => void (await lite.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await lite.query<T>(sql, params)).rows,
  };
  // One connection only: sessions take turns, so one session's BEGIN never wraps another's work.
  let turn: Promise<unknown> = Promise.resolve();
  return {
    kind: "pglite",
    prisma,
    // PGlite runs a query only between transactions, so this never lands inside one of Prisma's
    sql: async <T>(sql: string, params?: unknown[]) => (await scoped.client.query<T>(sql, params)).rows,
    enforceWorkspaces: () => void (scopes.enforced = true),
    withSession<T>(fn: (session: SqlSession) => Promise<T>) {
      const result = turn.then(() => scoped.asOwner(() => fn(session)));
      turn = result.catch(() => {});
      return result;
    },
    async close() {
      await prisma.$disconnect();
      await lite.close();
      unlock();
    },
  };
}
