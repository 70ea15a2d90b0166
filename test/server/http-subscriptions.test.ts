import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";

const SUBSCRIPTION = "subscription Changes { accountChanged { kind } }";

describe("subscriptions over HTTP (server-sent events) are not offered", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it.each<[string, () => Promise<Response>]>([
    [
      "POST with curl's accept */*",
      () =>
        fetch(`${t.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "*/*", authorization: `Bearer ${ADMIN_TOKEN}` },
          body: JSON.stringify({ query: SUBSCRIPTION }),
        }),
    ],
    [
      "POST asking for text/event-stream",
      () =>
        fetch(`${t.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${ADMIN_TOKEN}` },
          body: JSON.stringify({ query: SUBSCRIPTION }),
        }),
    ],
    [
      "GET with the query in the URL",
      () =>
        fetch(`${t.url}/graphql?query=${encodeURIComponent(SUBSCRIPTION)}`, {
          headers: { accept: "text/event-stream", authorization: `Bearer ${ADMIN_TOKEN}` },
        }),
    ],
    [
      "POST without a credential",
      () => fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: SUBSCRIPTION }) }),
    ],
    [
      "the subscription picked by operationName from a document with a query too",
      () =>
        fetch(`${t.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
          body: JSON.stringify({ query: `query Who { __typename } ${SUBSCRIPTION}`, operationName: "Changes" }),
        }),
    ],
  ])("%s: 400 and a complete answer naming WebSocket (no stream left open)", async (_name, send) => {
    const response = await send();
    expect(response.status).toBe(400);
    // JSON, or one SSE event for a client that asked for text/event-stream; either way the body ends
    const text = await response.text();
    const body = JSON.parse(response.headers.get("content-type")!.includes("json") ? text : /^data: (.*)$/m.exec(text)![1]!);
    expect(body.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/WebSocket only/), extensions: expect.objectContaining({ code: "SUBSCRIPTION_OVER_HTTP" }) }),
    ]);
  });

  it("still answers the query of that document over HTTP", async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: `query Who { __typename } ${SUBSCRIPTION}`, operationName: "Who" }),
    });
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { data: { __typename: "Query" } } });
  });
});
