import { type Limits, limitsFrom } from "./server/limits/limits.ts";

/** The environment, parsed and validated once (see README for every variable). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PGlite data directory, or "memory". Ignored when databaseUrl is set. */
  dataDir: string;
  redisUrl: string | undefined;
  adminToken: string | undefined;
  seed: "demo" | undefined;
  /** NODE_ENV=production: a start without ADMIN_TOKEN on a database without an admin token is refused. */
  production: boolean;
  /** Identical subscriptions share one execution per event; off only to measure what that saves. */
  shareSubscriptions: boolean;
  /** a SOLVED ticket may be reopened for this many days (TICKET_REOPEN_DAYS, default 7) */
  ticketReopenDays: number;
  /** an identical query by the same viewer is answered again for this long, until a change is known (RESPONSE_CACHE_MS, default 1000; 0: off) */
  responseCacheMs: number;
  /** published outbox events are kept (and resumable) for this long (OUTBOX_RETENTION_MINUTES, default 1440 = 24 h) */
  outboxRetentionMs: number;
  /** queue counts of one scope and filter are computed once and shared for this long (QUEUE_COUNTS_MS, default 1000; 0: every request counts) */
  queueCountsMs: number;
  /** bounds on each operation, request rate and socket (LIMIT_*, COST_BUDGET_*, RATE_LIMIT_PER_MINUTE; README "Security") */
  limits: Limits;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0–65535, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError("DATABASE_URL must be a postgresql:// URL");
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError("REDIS_URL must be a redis:// URL");
  const adminToken = env.ADMIN_TOKEN || undefined;
  if (adminToken && adminToken.length < 16) throw new ConfigError("ADMIN_TOKEN must be at least 16 characters");
  if (env.SEED && env.SEED !== "demo") throw new ConfigError(`SEED must be "demo" or unset, got "${env.SEED}"`);
  const ticketReopenDays = Number(env.TICKET_REOPEN_DAYS ?? 7);
  if (!Number.isInteger(ticketReopenDays) || ticketReopenDays < 0 || ticketReopenDays > 365) {
    throw new ConfigError(`TICKET_REOPEN_DAYS must be a whole number of days 0–365, got "${env.TICKET_REOPEN_DAYS}"`);
  }
  const responseCacheMs = Number(env.RESPONSE_CACHE_MS ?? 1_000);
  if (!Number.isInteger(responseCacheMs) || responseCacheMs < 0 || responseCacheMs > 60_000) {
    throw new ConfigError(`RESPONSE_CACHE_MS must be a whole number of milliseconds 0–60000, got "${env.RESPONSE_CACHE_MS}"`);
  }
  const retentionMinutes = Number(env.OUTBOX_RETENTION_MINUTES ?? 1_440);
  if (!Number.isInteger(retentionMinutes) || retentionMinutes < 0 || retentionMinutes > 525_600) {
    throw new ConfigError(`OUTBOX_RETENTION_MINUTES must be a whole number of minutes 0–525600, got "${env.OUTBOX_RETENTION_MINUTES}"`);
  }
  const queueCountsMs = Number(env.QUEUE_COUNTS_MS ?? 1_000);
  if (!Number.isInteger(queueCountsMs) || queueCountsMs < 0 || queueCountsMs > 60_000) {
    throw new ConfigError(`QUEUE_COUNTS_MS must be a whole number of milliseconds 0–60000, got "${env.QUEUE_COUNTS_MS}"`);
  }
  return {
    port,
    host: env.HOST || "127.0.0.1",
    databaseUrl,
    dataDir: env.DATA_DIR || "./data",
    redisUrl,
    adminToken,
    seed: env.SEED === "demo" ? "demo" : undefined,
    production: env.NODE_ENV === "production",
    shareSubscriptions: env.SUBSCRIPTION_SHARING !== "off",
    ticketReopenDays,
    responseCacheMs,
    outboxRetentionMs: retentionMinutes * 60_000,
    queueCountsMs,
    limits: limitsFrom(env, (message) => {
      throw new ConfigError(message);
    }),
  };
}

/** Where the data lives, for start-up lines: never the PostgreSQL password. */
export function describeDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): string {
  if (!config.databaseUrl) return config.dataDir === "memory" ? "embedded PGlite in memory" : `embedded PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}
