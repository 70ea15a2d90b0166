import { Worker } from "node:worker_threads";

export interface LoadPlan {
  url: string;
  headers: Record<string, string>;
  /** one body per request, cycled */
  bodies: string[];
  /**
   * requests in flight at once (closed loop); paced, the keep-alive connections they share: a
   * request finding all busy waits for one, and its latency counts from when it was due
   */
  concurrency: number;
  /** at most this many requests … */
  count: number;
  /** … and for at most this long */
  maxMs: number;
  /** open loop: start requests at this rate (req/s) instead of as fast as answers come */
  ratePerSecond?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

// The load runs on a worker thread: its own event loop, so the server's is not shared with the client's.
const WORKER = `
const { parentPort, workerData: plan } = require("node:worker_threads");
const http = require("node:http");
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
const target = new URL(plan.url);
// started: when the request was due (paced), so time spent waiting for a connection counts too.
// Only the head of an answer is read: a GraphQL error answer opens with its errors, and turning
// every 30 KB page into a string would cost the load generator more than it measures.
function send(body, started = performance.now()) {
  return new Promise((resolve) => {
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST",
      headers: { ...plan.headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      let head = "";
      res.on("data", (chunk) => { if (!head) head = chunk.toString("latin1", 0, 16); });
      res.on("end", () => resolve({ ms: performance.now() - started, ok: res.statusCode === 200 && head.startsWith("{") && !head.startsWith('{"errors"') }));
    });
    req.on("error", () => resolve({ ms: performance.now() - started, ok: false }));
    req.end(body);
  });
}
(async () => {
  const latencies = [];
  let errors = 0, next = 0;
  const start = performance.now();
  const deadline = start + plan.maxMs;
  const take = () => (next < plan.count && performance.now() < deadline ? next++ : -1);
  const record = (r) => { latencies.push(r.ms); if (!r.ok) errors++; };
  if (!plan.ratePerSecond) {
    await Promise.all(Array.from({ length: plan.concurrency }, async () => {
      for (let i = take(); i >= 0; i = take()) record(await send(plan.bodies[i % plan.bodies.length]));
    }));
  } else {
    const interval = 1000 / plan.ratePerSecond;
    let open = 0, allSent = false, done;
    const finished = new Promise((resolve) => (done = resolve));
    const settle = (r) => { record(r); if (--open === 0 && allSent) done(); };
    for (let i = take(); i >= 0; i = take()) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      open++;
      send(plan.bodies[i % plan.bodies.length], due).then(settle);
    }
    allSent = true;
    if (open > 0) await finished;
  }
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  parentPort.postMessage({ latencies, errors, seconds });
})();
`;

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Runs a bounded load (count and time) against one GraphQL endpoint. */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: plan });
    worker.once("error", reject);
    worker.once("message", ({ latencies, errors, seconds }: { latencies: number[]; errors: number; seconds: number }) => {
      void worker.terminate();
      const sorted = [...latencies].sort((a, b) => a - b);
      resolve({ requests: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) });
    });
  });
}

export const describeLoad = (r: LoadResult) =>
  `${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  (${r.requests} requests${r.errors ? `, ${r.errors} errors` : ""})`;
