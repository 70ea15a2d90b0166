import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { dataOf } from "../helpers/gql.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

const ISSUE = `mutation($role: Role!) { apiTokenCreate(input: { name: "socket", role: $role }) { ... on ApiTokenIssued { secret token { id } } } }`;
const REVOKE = `mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { __typename ... on ApiTokenRevokeSuccess { token { revokedAt } } } }`;

/** A raw graphql-transport-ws socket and what it was closed with. */
function rawSocket(url: string, options: WebSocket.ClientOptions = {}) {
  const socket = new WebSocket(`${url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws", options);
  const opened = new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  const messages: unknown[] = [];
  socket.on("message", (data) => messages.push(JSON.parse(String(data))));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })));
  return { socket, opened, closed, messages };
}

describe("WebSocket doors", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it.each([
    ["no payload", {}],
    ["an empty authorization", { payload: { authorization: "" } }],
    ["only a workspace", { payload: { workspace: "default" } }],
  ])("refuses a connection_init with %s: 4401, never acked as anonymous", async (_label, init) => {
    const raw = rawSocket(t.url);
    await raw.opened;
    raw.socket.send(JSON.stringify({ type: "connection_init", ...init }));
    const { code, reason } = await raw.closed;
    expect(code).toBe(4401);
    expect(reason).toContain("authorization");
    expect(raw.messages).toEqual([]);
  });

  it("refuses an unknown credential with 4403", async () => {
    const raw = rawSocket(t.url);
    await raw.opened;
    raw.socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: "Bearer sc_this-token-does-not-exist" } }));
    expect((await raw.closed).code).toBe(4403);
  });

  it("closes every socket of a revoked token with 4403, and leaves other tokens' sockets open", async () => {
    const { secret, token } = dataOf(await t.gql(ISSUE, { role: "AGENT" })).apiTokenCreate;
    const other = dataOf(await t.gql(ISSUE, { role: "AGENT" })).apiTokenCreate.secret;
    const sockets = [rawSocket(t.url), rawSocket(t.url), rawSocket(t.url)];
    const credentials = [secret, secret, other];
    await Promise.all(sockets.map((s) => s.opened));
    for (const [i, s] of sockets.entries()) s.socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${credentials[i]}` } }));
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.socket.once("message", resolve)))); // connection_ack each
    expect(sockets.map((s) => (s.messages[0] as { type: string }).type)).toEqual(["connection_ack", "connection_ack", "connection_ack"]);

    expect(dataOf(await t.gql(REVOKE, { id: token.id })).apiTokenRevoke.__typename).toBe("ApiTokenRevokeSuccess");
    const closes = await Promise.all(sockets.slice(0, 2).map((s) => s.closed));
    for (const close of closes) expect(close).toMatchObject({ code: 4403, reason: "Token revoked" });
    expect(sockets[2]!.socket.readyState).toBe(WebSocket.OPEN);
    sockets[2]!.socket.close();
    const again = rawSocket(t.url);
    await again.opened;
    again.socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${secret}` } }));
    expect((await again.closed).code).toBe(4403);
  });
});

// Pings are time itself: the interval is short enough to watch a silent socket dropped, long enough that
// a busy machine's pause does not outlast it for a socket that answers.
describe("WebSocket pings", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WS_PING_MS: "1500" } });
  });
  afterAll(() => t.stop());

  it("keeps a socket that answers protocol pings, and drops one that stops answering", async () => {
    const token = await t.token("AGENT");
    const client = wsClient(t.url, token);
    const live = subscribe(client, `subscription { queueChanged { kind } }`);
    expect((await live.next()).data.queueChanged.kind).toBe("SNAPSHOT");
    const silent = rawSocket(t.url, { autoPong: false });
    await silent.opened;
    silent.socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
    let pings = 0;
    silent.socket.on("ping", () => pings++);
    const { code } = await silent.closed;
    expect(pings).toBeGreaterThan(0);
    expect(code).toBe(1006); // terminated: no close frame for a peer that does not answer
    // the answering client, pinged all that time, is still connected and served
    expect((await subscribe(client, `{ viewer { role } }`).next()).data.viewer.role).toBe("AGENT");
    live.close();
    await client.dispose();
  });
});
