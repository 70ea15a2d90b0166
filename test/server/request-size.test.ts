import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_REQUEST_BYTES } from "../../src/server/body-limit.ts";
import { dataOf } from "../helpers/gql.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";

/** Posts `chunks` to /graphql: with Content-Length when `length` is given, else chunked. */
function post(url: string, token: string, chunks: string[], length?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const target = new URL(`${url}/graphql`);
    const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${token}` };
    if (length !== undefined) headers["content-length"] = length;
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null }));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const padded = (bytes: number) => JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(bytes) } });

describe("request bodies", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("accepts a body up to the limit, framed by Content-Length or chunked", async () => {
    const body = padded(MAX_REQUEST_BYTES - 200);
    for (const length of [String(Buffer.byteLength(body)), undefined]) {
      const response = await post(t.url, ADMIN_TOKEN, [body.slice(0, 1000), body.slice(1000)], length);
      expect(response.status).toBe(200);
      expect(dataOf<{ __typename: string }>(response.body).__typename).toBe("Query");
    }
  });

  it("refuses a body over the limit with 413, by its Content-Length or as it arrives in chunks", async () => {
    const body = padded(MAX_REQUEST_BYTES);
    for (const length of [String(Buffer.byteLength(body)), undefined]) {
      const response = await post(t.url, ADMIN_TOKEN, [body.slice(0, 1000), body.slice(1000)], length);
      expect(response.status).toBe(413);
      expect(response.body.errors[0].extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
    }
  });

  it("refuses a Content-Length that is not one number with 400", async () => {
    const response = await post(t.url, ADMIN_TOKEN, [], "12, 12");
    expect(response.status).toBe(400);
  });
});
