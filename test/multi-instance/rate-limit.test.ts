import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postGql } from "../helpers/gql.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

describe("the rate limit holds across instances (counted in Redis)", () => {
  const at = new Date("2026-03-02T09:00:50Z");
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = { REDIS_URL: process.env.REDIS_URL!, RATE_LIMIT_PER_MINUTE: "4" };
    a = await startTestApp({ now: () => at, env });
    b = await startTestApp({ now: () => at, env, databaseUrl: a.databaseUrl! });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it("counts a credential's requests on both instances together", async () => {
    // a fresh credential: its count in Redis starts at zero whatever ran before
    const agent = await a.token("AGENT");
    const statuses: number[] = [];
    for (const instance of [a, b, a, b, a]) statuses.push((await postGql(instance.url, `{ __typename }`, {}, agent)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const refused = await fetch(`${b.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${agent}` },
      body: '{"query":"{ __typename }"}',
    });
    expect([refused.status, refused.headers.get("retry-after")]).toEqual([429, "10"]);
  });
});
