import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { currentScope, type DbScope, scopeSettings } from "./workspace-scope.ts";

/**
 * The role the application works as once the database is migrated: no superuser and owner of
 * nothing, so the row-level security policies of prisma/migrations/*_workspaces apply to it.
 */
export const APP_ROLE = "supportclock_app";

/** Whether connections switch to APP_ROLE and carry the current scope (on after migrating). */
export interface ScopeSwitch {
  enforced: boolean;
}

interface Settings {
  role: string;
  workspaceId: string;
  bypass: string;
}

const OWNER: Settings = { role: "none", workspaceId: "", bypass: "off" };
const settingsOf = (scope: DbScope): Settings => ({ role: APP_ROLE, ...scopeSettings(scope) });
const keyOf = (s: Settings) => `${s.role}|${s.workspaceId}|${s.bypass}`;
const params = (s: Settings) => [s.role, s.workspaceId, s.bypass];
const setScope = (local: boolean) =>
  `SELECT set_config('role', $1, ${local}), set_config('app.workspace_id', $2, ${local}), set_config('app.bypass_rls', $3, ${local})`;

/**
 * The pool as Prisma's adapter and the plain-SQL helper see it: every checkout carries the scope
 * of the work that asked for it. The settings are session-level and re-sent only when a pooled
 * connection last served another scope, so the common case costs no extra statement.
 */
export function scopedPool(pool: pg.Pool, scopes: ScopeSwitch): pg.Pool {
  const applied = new WeakMap<pg.PoolClient, string>();
  const apply = async (client: pg.PoolClient, settings: Settings) => {
    const key = keyOf(settings);
    if ((applied.get(client) ?? keyOf(OWNER)) === key) return;
    await client.query(setScope(false), params(settings));
    applied.set(client, key);
  };
  const checkout = async (settings: Settings) => {
    const client = await pool.connect();
    try {
      await apply(client, settings);
      return client;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  };
  // The scope is read when the checkout is asked for, in the caller's async context.
  const connect = (callback?: (error: Error | undefined, client?: pg.PoolClient, done?: () => void) => void) => {
    const client = checkout(scopes.enforced ? settingsOf(currentScope()) : OWNER);
    if (!callback) return client;
    client.then(
      (c) => callback(undefined, c, () => c.release()),
      (error: Error) => callback(error),
    );
    return undefined;
  };
  // pg-pool's query() checks out through this.connect, so it takes the proxy's.
  return new Proxy(pool, { get: (target, key, receiver) => (key === "connect" ? connect : Reflect.get(target, key, receiver)) });
}

/** A connection for the migrator: the owner, whatever the pool last used it for. */
export async function ownerSession(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  await client.query(setScope(false), params(OWNER));
  return client;
}

/**
 * PGlite is one connection: top-level statements go one after another, each preceded by the
 * session settings when the scope changed since the last; a transaction sets them for itself
 * (SET LOCAL), so it never disturbs the session's.
 */
export function scopedPglite(lite: PGlite, scopes: ScopeSwitch): { client: PGlite; asOwner<T>(work: () => Promise<T>): Promise<T> } {
  let applied = keyOf(OWNER);
  let chain: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(settings: Settings, work: () => Promise<T>): Promise<T> => {
    const run = chain.then(async () => {
      const key = keyOf(settings);
      if (key !== applied) {
        await lite.query(setScope(false), params(settings));
        applied = key;
      }
      return work();
    });
    chain = run.catch(() => {});
    return run;
  };
  const settings = () => (scopes.enforced ? settingsOf(currentScope()) : OWNER);
  const overrides: Partial<PGlite> = {
    query: ((sql: string, values?: unknown[], options?: object) => inTurn(settings(), () => lite.query(sql, values, options))) as PGlite["query"],
    exec: ((sql: string, options?: object) => inTurn(settings(), () => lite.exec(sql, options))) as PGlite["exec"],
    transaction: (<T>(work: (tx: Transaction) => Promise<T>) => {
      const own = settings();
      return lite.transaction(async (tx) => {
        await tx.query(setScope(true), params(own));
        return work(tx);
      });
    }) as PGlite["transaction"],
  };
  return {
    client: new Proxy(lite, { get: (target, key, receiver) => (key in overrides ? overrides[key as keyof PGlite] : Reflect.get(target, key, receiver)) }),
    // Holds the turn for the whole session: the migrator's statements run as the owner.
    asOwner: (work) => inTurn(OWNER, work),
  };
}
