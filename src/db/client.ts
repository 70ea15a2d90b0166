import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";

/** A plain SQL session, used by the migrator and for work Prisma cannot express. */
export interface SqlSession {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** One statement on any free connection, bypassing Prisma: for the hottest writes, where Prisma's per-call cost dominates. */
export type SqlQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlQuery;
  /** Runs `fn` on one dedicated connection (session-level locks hold for its duration). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** Wraps Prisma's driver adapter, e.g. to count SQL statements in tests. */
  wrapAdapter?: AdapterWrapper;
}

// Prisma's other formats capture a stack trace on every call to point at the caller in error
// messages; clients never see those messages (errors are masked), so that cost buys nothing.
const ERROR_FORMAT = "minimal";

/** Wraps Prisma's driver adapter; `sql`, when there, wraps the plain SQL path too (tests count both). */
export type AdapterWrapper = (<A extends object>(adapter: A) => A) & { sql?: (query: SqlQuery) => SqlQuery };
const asIs: AdapterWrapper = (adapter) => adapter;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const wrap = options.wrapAdapter ?? asIs;
  const database = await (options.databaseUrl ? openPostgres(options.databaseUrl, wrap) : openPglite(options.dataDir ?? "./data", wrap));
  return wrap.sql ? { ...database, sql: wrap.sql(database.sql) } : database;
}

async function openPostgres(url: string, wrap: AdapterWrapper): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const prisma = new PrismaClient({ adapter: wrap(new PrismaPg(pool)), errorFormat: ERROR_FORMAT });
  return {
    kind: "postgres",
    prisma,
    sql: async (sql, params) => (await pool.query(sql, params)).rows,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (sql) => void (await client.query(sql)),
          query: async (sql, params) => (await client.query(sql, params)).rows,
        });
      } finally {
        client.release();
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

async function openPglite(dataDir: string, wrap: AdapterWrapper): Promise<Database> {
  if (dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  const lite = dataDir === "memory" ? new PGlite() : new PGlite(dataDir);
  await lite.waitReady;
  const prisma = new PrismaClient({ adapter: wrap(new PrismaPGlite(lite)), errorFormat: ERROR_FORMAT });
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
    sql: session.query,
    withSession<T>(fn: (session: SqlSession) => Promise<T>) {
      const result = turn.then(() => fn(session));
      turn = result.catch(() => {});
      return result;
    },
    async close() {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}
