import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "../db/client.ts";
import { pendingMigrations } from "../db/migrate.ts";
import type { EventBus } from "../events/bus.ts";

const CHECK_TIMEOUT_MS = 2_000;

type Check = "ok" | "unreachable" | "not configured" | `pending: ${string}`;

/** Resolves to `fallback` when `work` takes longer than the check may (a database that hangs is not ready). */
function within<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS)));
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/**
 * GET /healthz is liveness: the process answers (200), whatever its dependencies do — restarting it
 * would not bring PostgreSQL back. GET /readyz is readiness: 200 only while the database answers,
 * every migration of this build is applied and Redis (when configured) answers; 503 otherwise, with
 * each check's state in the body, so a load balancer sends no traffic to an instance that cannot serve it.
 */
export function healthEndpoints(db: Database, bus: EventBus, redisConfigured: boolean, subscriptions: () => Record<string, number>) {
  const readiness = async (): Promise<Record<string, Check>> => {
    const pending = await within(pendingMigrations(db), null);
    const database: Check = pending === null ? "unreachable" : "ok";
    const migrations: Check = pending === null ? "unreachable" : pending.length ? `pending: ${pending.join(", ")}` : "ok";
    const redis: Check = !redisConfigured ? "not configured" : (await within(bus.reachable(CHECK_TIMEOUT_MS), false)) ? "ok" : "unreachable";
    return { database, migrations, redis };
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET" || (path !== "/healthz" && path !== "/readyz")) return false;
    if (path === "/healthz") {
      res
        .writeHead(200, { "content-type": "application/json", "cache-control": "no-store" })
        .end(JSON.stringify({ status: "ok", database: db.kind, subscriptions: subscriptions() }));
      return true;
    }
    const checks = await readiness();
    const ready = Object.values(checks).every((check) => check === "ok" || check === "not configured");
    res
      .writeHead(ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" })
      .end(JSON.stringify({ status: ready ? "ready" : "not ready", checks }));
    return true;
  };
}
