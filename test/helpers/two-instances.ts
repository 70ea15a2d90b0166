import { afterAll, beforeAll } from "vitest";
import { startTestApp, type TestApp } from "./test-app.ts";

/**
 * Two app instances on one PostgreSQL database, fanning out through Redis, started before and
 * stopped after the calling describe block. Needs DATABASE_URL and REDIS_URL.
 */
export function twoInstances(): { a: TestApp; b: TestApp } {
  const instances = {} as { a: TestApp; b: TestApp };
  beforeAll(async () => {
    const env = { REDIS_URL: process.env.REDIS_URL! };
    instances.a = await startTestApp({ env });
    instances.b = await startTestApp({ env, databaseUrl: instances.a.databaseUrl! });
  });
  afterAll(async () => {
    await instances.b?.stop();
    await instances.a?.stop();
  });
  return instances;
}
