import type { AdapterWrapper, SqlQuery } from "../../src/db/client.ts";
import { currentRequestId } from "../../src/logger.ts";

type Fn = (...args: unknown[]) => unknown;

/**
 * Counts the SQL statements Prisma sends through its driver adapter (driver adapters emit no
 * query events) and those sent as plain SQL: hand `wrap` to startTestApp, then `measure` an operation. Only statements
 * sent while serving a request (HTTP or a WebSocket operation) count: background workers catching up on earlier
 * writes are not the operation's cost. `hold` keeps matching statements from reaching the database until released,
 * to catch work in the middle.
 */
export function queryCounter() {
  let counting = false;
  const statements: string[] = [];
  let held: { match: RegExp; reached: () => void; released: Promise<void> } | null = null;
  const watches: { match: RegExp; seen: string[] }[] = [];
  /** Notes a statement for every watch it matches, whoever sent it. */
  const watched = (sql: string) => {
    for (const watch of watches) if (watch.match.test(sql)) watch.seen.push(sql);
  };

  const queryable = <Q extends object>(target: Q): Q =>
    new Proxy(target, {
      get(object, property) {
        const value = Reflect.get(object, property, object) as unknown;
        if (typeof value !== "function") return value;
        const method = value as Fn;
        if (property === "queryRaw" || property === "executeRaw") {
          return async (query: { sql: string }) => {
            if (counting && currentRequestId() !== undefined) statements.push(query.sql);
            watched(query.sql);
            if (held?.match.test(query.sql)) {
              held.reached();
              await held.released;
            }
            return method.call(object, query);
          };
        }
        if (property === "startTransaction") return async (...args: unknown[]) => queryable((await method.apply(object, args)) as object);
        return method.bind(object);
      },
    });

  const wrap: AdapterWrapper = (factory) =>
    new Proxy(factory, {
      get(object, property) {
        const value = Reflect.get(object, property, object) as unknown;
        if (typeof value !== "function") return value;
        const method = value as Fn;
        if (property === "connect") return async () => queryable((await method.call(object)) as object);
        return method.bind(object);
      },
    });
  // The plain SQL path (statements the services send outside Prisma) is counted as well.
  wrap.sql =
    (query: SqlQuery): SqlQuery =>
    async (sql, params, options) => {
      if (counting && currentRequestId() !== undefined) statements.push(sql);
      watched(sql);
      if (held?.match.test(sql)) {
        held.reached();
        await held.released;
      }
      return query(sql, params, options);
    };

  return {
    wrap,
    /** Holds statements matching `match`: `reached` resolves when the first arrives; `release` lets them all go. */
    hold(match: RegExp) {
      let reached!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (reached = resolve));
      held = { match, reached, released: new Promise<void>((resolve) => (release = resolve)) };
      return {
        reached: arrived,
        release: () => {
          held = null;
          release();
        },
      };
    },
    /** The statements matching `match` sent from now on, by requests and background workers alike. */
    watch(match: RegExp): { seen: string[] } {
      const watch = { match, seen: [] as string[] };
      watches.push(watch);
      return watch;
    },
    /** Runs `work` and returns the SQL statements it caused. */
    async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      statements.length = 0;
      counting = true;
      try {
        const result = await work();
        return { result, statements: [...statements] };
      } finally {
        counting = false;
      }
    },
  };
}
