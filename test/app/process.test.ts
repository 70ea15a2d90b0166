import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl } from "../helpers/database.ts";
import { dataOf, postGql } from "../helpers/gql.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const ADMIN = "process-test-admin-token";

/** Starts the service as `npm start` does and resolves with its URL once it says it listens. */
function startService(env: Record<string, string | undefined>): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", ADMIN_TOKEN: ADMIN, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 15 s:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, exited });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

describe("the service process", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "supportclock-data-"));
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  afterAll(() => database?.drop());

  it("serves /healthz, GraphiQL and GraphQL, drains on SIGTERM with exit 0, and keeps its data", async () => {
    database = await freshDatabaseUrl();
    const env = { DATA_DIR: dataDir, DATABASE_URL: database.url, SEED: "demo" };
    const first = await startService(env);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const graphiql = await fetch(`${first.url}/graphql`, { headers: { accept: "text/html" } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toMatch(/graphiql/i);
    dataOf(await postGql(first.url, `mutation { accountCreate(input: { customerNumber: "C-9999", name: "Survivor" }) { __typename } }`, {}, ADMIN));

    const client = wsClient(first.url, ADMIN);
    const closed = new Promise<number>((resolve) => client.on("closed", (event: any) => resolve(event.code)));
    subscribe(client, `subscription { accountChanged { kind } }`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(await closed).toBe(1001);

    const second = await startService(env);
    const { accounts, account } = dataOf(await postGql(second.url, `{ accounts { totalCount } account(customerNumber: "C-9999") { name } }`, {}, ADMIN));
    expect(account).toEqual({ name: "Survivor" });
    expect(accounts.totalCount).toBe(7); // six demo accounts, seeded once, plus ours
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });
});
