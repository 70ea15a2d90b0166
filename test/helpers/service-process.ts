import { type ChildProcess, spawn } from "node:child_process";

const ROOT = new URL("../..", import.meta.url).pathname;
export const ADMIN = "process-test-admin-token";

export interface Service {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** SIGKILL to the whole process group: no shutdown code runs. */
  kill9(): Promise<void>;
}

/** Runs the service as `npm start` does until it exits by itself (a failed start); what it printed, per stream. */
export async function runUntilExit(env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", ADMIN_TOKEN: ADMIN, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let [stdout, stderr] = ["", ""];
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("close", (exit) => resolve(exit)));
  return { code, stdout, stderr };
}

/** Starts the service as `npm start` does and resolves with its URL once it says it listens. */
export function startService(env: Record<string, string | undefined>): Promise<Service> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", ADMIN_TOKEN: ADMIN, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so kill9() reaches everything it started
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        const kill9 = async () => {
          process.kill(-child.pid!, "SIGKILL");
          await exited;
        };
        resolve({ child, url: match[1]!, exited, kill9, output: () => output });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}
