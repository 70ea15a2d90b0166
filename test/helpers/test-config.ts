import { randomBytes } from "node:crypto";
import { type Config, loadConfig } from "../../src/config.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789";

/** A test app's configuration: in memory on port 0, no caches, no rate limit and no log unless `env` (or LOG_LEVEL when running the tests) sets one. */
/**
 * The Redis prefix of a test deployment: its database's name (instances sharing a database hear each other),
 * or a prefix of its own without one. Test runs and files on one Redis never hear each other's events or share rate counts.
 */
export const testRedisPrefix = (databaseUrl: string | undefined) =>
  databaseUrl ? `test-${new URL(databaseUrl).pathname.slice(1)}` : `test-${randomBytes(6).toString("hex")}`;

export function testConfig(env: Record<string, string | undefined> = {}): Config {
  // the rate limit is off: one test file sends more than a minute's worth with one credential;
  // nothing is logged: tests provoke failures on purpose
  const quiet = { LOG_LEVEL: process.env.LOG_LEVEL || "silent" };
  return loadConfig({
    ADMIN_TOKEN,
    DATA_DIR: "memory",
    PORT: "0",
    RESPONSE_CACHE_MS: "0",
    QUEUE_COUNTS_MS: "0",
    RATE_LIMIT_PER_MINUTE: "0",
    ...quiet,
    REDIS_PREFIX: testRedisPrefix(env.DATABASE_URL),
    ...env,
  });
}
