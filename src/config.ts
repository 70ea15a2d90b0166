import { type Limits, limitsFrom } from "./server/limits/limits.ts";
import { LOG_LEVELS, type LogLevel, type LogOptions } from "./logger.ts";

/** The environment, parsed and validated once (see README for every variable). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PGlite data directory, or "memory". Ignored when databaseUrl is set. */
  dataDir: string;
  redisUrl: string | undefined;
  /** REDIS_PREFIX: what this deployment's channels and keys start with; deployments sharing one Redis each need their own (default `supportclock`) */
  redisPrefix: string;
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
  /** browser origins allowed to call the API cross-origin (CORS_ORIGINS, comma-separated; default none: same origin only) */
  corsOrigins: string[];
  /** GraphiQL at GET /graphql (GRAPHIQL=on|off, default on) */
  graphiql: boolean;
  /** __schema and __type queries (INTROSPECTION=on|off, default on) */
  introspection: boolean;
  /** WebSocket protocol ping interval; a socket that does not answer within as long is dropped (WS_PING_MS, default 12000) */
  wsPingMs: number;
  /** what is logged and how (LOG_LEVEL, default info; LOG_FORMAT=text|json, default text) */
  log: LogOptions;
  /** things worth saying at start that do not stop it (a weak ADMIN_TOKEN) */
  warnings: string[];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0–65535, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError("DATABASE_URL must be a postgresql:// URL");
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError("REDIS_URL must be a redis:// URL");
  const redisPrefix = env.REDIS_PREFIX || "supportclock";
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(redisPrefix))
    throw new ConfigError(`REDIS_PREFIX must be 1–64 letters, digits, "_", "." or "-", got "${env.REDIS_PREFIX}"`);
  const adminToken = env.ADMIN_TOKEN || undefined;
  const warnings: string[] = [];
  if (adminToken) warnings.push(...checkAdminToken(adminToken));
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
  const wsPingMs = Number(env.WS_PING_MS ?? 12_000);
  const logLevel = env.LOG_LEVEL || "info";
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${env.LOG_LEVEL}"`);
  const logFormat = env.LOG_FORMAT || "text";
  if (logFormat !== "text" && logFormat !== "json") throw new ConfigError(`LOG_FORMAT must be "text" or "json", got "${env.LOG_FORMAT}"`);
  if (!Number.isInteger(wsPingMs) || wsPingMs < 50 || wsPingMs > 600_000)
    throw new ConfigError(`WS_PING_MS must be a whole number of milliseconds 50–600000, got "${env.WS_PING_MS}"`);
  return {
    port,
    host: env.HOST || "127.0.0.1",
    databaseUrl,
    dataDir: env.DATA_DIR || "./data",
    redisUrl,
    redisPrefix,
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
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
    graphiql: onOff("GRAPHIQL", env.GRAPHIQL, true),
    introspection: onOff("INTROSPECTION", env.INTROSPECTION, true),
    wsPingMs,
    log: { level: logLevel as LogLevel, format: logFormat },
    warnings,
  };
}

const BEARER_TOKEN = /^[A-Za-z0-9._~+/=-]+$/;

/**
 * ADMIN_TOKEN must be a value a client can send as `Authorization: Bearer <token>` (RFC 6750's
 * token68 characters, 16–200 of them): anything else could never authenticate. Returns warnings
 * for a weak one (an estimate: length × log2 of the distinct characters used).
 */
export function checkAdminToken(token: string): string[] {
  if (token.length < 16) throw new ConfigError("ADMIN_TOKEN must be at least 16 characters");
  if (token.length > 200) throw new ConfigError(`ADMIN_TOKEN must be at most 200 characters, got ${token.length}`);
  if (!BEARER_TOKEN.test(token)) {
    throw new ConfigError(
      "ADMIN_TOKEN may only hold letters, digits and . _ ~ + / = - (no spaces or other characters): it is sent as Authorization: Bearer <token>",
    );
  }
  const bits = Math.floor(token.length * Math.log2(new Set(token).size));
  return bits < 80 ? [`ADMIN_TOKEN looks weak (about ${bits} bits): use a long random value, e.g. openssl rand -base64 32`] : [];
}

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (value === "on" || value === "off") return value === "on";
  throw new ConfigError(`${name} must be "on" or "off", got "${value}"`);
}

/** Exact origins (scheme://host[:port]); "same origin" needs none. */
function corsOrigins(value: string | undefined): string[] {
  const origins = (value ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {}
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin)
      throw new ConfigError(`CORS_ORIGINS must list origins like https://app.example.com (no path, no trailing slash), got "${origin}"`);
  }
  return origins;
}

/** Where the data lives, for start-up lines: never the PostgreSQL password. */
export function describeDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): string {
  if (!config.databaseUrl) return config.dataDir === "memory" ? "embedded PGlite in memory" : `embedded PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}
