import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DEFAULT_WORKSPACE_ID } from "../../src/modules/workspace/workspace-service.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BENCH_ADMIN_TOKEN = "bench-admin-token-0123456789";
/** The demo workspace the seeded benches work in: the e-commerce vendor (002), whose Gold customer C-10001 has open tickets. */
export const DEMO_WORKSPACE = "source-002";
/** The core a benchmarked server is pinned to; clients and PostgreSQL get the other one. */
export const SERVER_CORE = 1;
/** The core the load (this process, every thread of it) runs on, away from the server's. */
export const LOAD_CORE = 0;
export const POSTGRES_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory of the server process, bytes. */
  rss(): number;
  /** CPU seconds (user + system) the server process has used. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Pins this process, all its threads and the workers it starts later, to LOAD_CORE. */
export function pinLoadCore(): void {
  execFileSync("taskset", ["-a", "-p", "-c", String(LOAD_CORE), String(process.pid)], { stdio: "ignore" });
}

/**
 * A connection for seeding a bench database directly: rows it inserts belong to `workspace` (a slug),
 * else to the default workspace (every workspace-owned column defaults to the session's app.workspace_id).
 */
export async function benchClient(url: string, workspace?: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: `-c app.workspace_id=${DEFAULT_WORKSPACE_ID}` });
  await client.connect();
  if (workspace) await client.query(`SELECT set_config('app.workspace_id', (SELECT id FROM "Workspace" WHERE slug = $1), false)`, [workspace]);
  return client;
}

/** A fresh PostgreSQL database next to POSTGRES_URL, dropped by `drop()`. */
export async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sc_bench_${process.pid}_${Date.now()}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Starts `script` (default: the service, `src/main.ts`) as its own process, optionally pinned to one
 * core, and waits until it prints "listening on <url>/graphql".
 */
export function startServer(env: Record<string, string>, core?: number, script = "src/main.ts"): Promise<ServerProcess> {
  const node = [process.execPath, `${ROOT}node_modules/tsx/dist/cli.mjs`, script];
  const [command, ...args] = core === undefined ? node : ["taskset", "-c", String(core), ...node];
  const child: ChildProcess = spawn(command!, args, {
    cwd: ROOT,
    // the rate limit raised past what any bench sends: it still counts every request
    env: { ...process.env, PORT: "0", ADMIN_TOKEN: BENCH_ADMIN_TOKEN, DATA_DIR: "memory", RATE_LIMIT_PER_MINUTE: "100000000", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)\/graphql/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      // tsx runs the service in a child of its own: measure that one.
      const pid = serviceProcess(child.pid!);
      resolve({
        url: match[1]!,
        pid,
        rss: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024,
        cpuSeconds: () => {
          const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
          return (Number(fields[11]) + Number(fields[12])) / 100;
        },
        stop: () =>
          new Promise((done) => {
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** A GraphQL request to a bench server with the bootstrap admin credential, in `workspace` if given; its data, or throws. */
export async function adminGql(url: string, query: string, variables: Record<string, unknown> = {}, workspace?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, ...(workspace ? { "x-workspace": workspace } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as any;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The deepest descendant of `pid` (taskset → tsx → node running the service). */
function serviceProcess(pid: number): number {
  for (;;) {
    let children: string[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    } catch {
      return pid;
    }
    if (children.length === 0) return pid;
    pid = Number(children[children.length - 1]);
  }
}

/**
 * Resolves once the server has used under 2 % of a core over a quarter of a second: what it started
 * in the background (follower, relay, SLA monitor catching up) is done and will not fall on a
 * measurement of it or of a server sharing its core.
 */
export async function settled(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let before = server.cpuSeconds(); Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = server.cpuSeconds();
    if (now - before < 0.005) return;
    before = now;
  }
  throw new Error(`the server at ${server.url} was still busy after ${timeoutMs / 1000} s`);
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
export const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
