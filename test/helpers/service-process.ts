import { type ChildProcess, spawn } from "node:child_process";
import { testRedisPrefix } from "./test-config.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
export const ADMIN = "process-test-admin-token";

export interface RunningProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the first match of `pattern` in what it printed, once it has printed it; rejects if it exits first. */
  printed(pattern: RegExp): Promise<RegExpExecArray>;
}

export interface Service extends RunningProcess {
  url: string;
  /** SIGKILL to the whole process group: no shutdown code runs. */
  kill9(): Promise<void>;
}

/** The service as `npm start` runs it (one Node process), in its own process group so kill9() reaches everything it started. */
export function spawnService(env: Record<string, string | undefined>): RunningProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      ADMIN_TOKEN: ADMIN,
      REDIS_PREFIX: testRedisPrefix("DATABASE_URL" in env ? env.DATABASE_URL : process.env.DATABASE_URL),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const waiting = new Set<() => void>();
  const read = (chunk: Buffer) => {
    output += chunk;
    for (const check of waiting) check();
  };
  child.stdout!.on("data", read);
  child.stderr!.on("data", read);
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const printed = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          waiting.delete(check);
          resolve(match);
        }
      };
      waiting.add(check);
      check();
      void exited.then((code) => waiting.has(check) && reject(new Error(`exited with ${code} before printing ${pattern}:\n${output}`)));
    });
  return { child, exited, output: () => output, printed };
}

/** Runs the service until it exits by itself (a failed start); what it printed, per stream. */
export async function runUntilExit(env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { child, exited } = spawnService(env);
  let [stdout, stderr] = ["", ""];
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
  return { code: await exited, stdout, stderr };
}

/** Starts the service and resolves with its URL once it says it listens. */
export async function startService(env: Record<string, string | undefined>): Promise<Service> {
  const running = spawnService(env);
  const [, url] = await running.printed(/listening on (http:\/\/\S+)\/graphql/);
  const kill9 = async () => {
    process.kill(-running.child.pid!, "SIGKILL");
    await running.exited;
  };
  return { ...running, url: url!, kill9 };
}
