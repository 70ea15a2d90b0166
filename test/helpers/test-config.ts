import { type Config, loadConfig } from "../../src/config.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789";

/** A test app's configuration: in memory on port 0, no caches, and no rate limit unless `env` sets one. */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  // the rate limit is off unless a test sets it: one test file sends more than a minute's worth with one credential
  return loadConfig({ ADMIN_TOKEN, DATA_DIR: "memory", PORT: "0", RESPONSE_CACHE_MS: "0", QUEUE_COUNTS_MS: "0", RATE_LIMIT_PER_MINUTE: "0", ...env });
}
