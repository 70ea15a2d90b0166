// Resume benchmark: one subscriber comes back after 10,000 missed events and replays them with
// `after:` while other subscribers receive live events. Server on PostgreSQL, pinned to core 1.
import { pathToFileURL } from "node:url";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import {
  adminGql as gql,
  BENCH_ADMIN_TOKEN,
  benchDatabase,
  fmt,
  percentile,
  pinLoadCore,
  SERVER_CORE,
  startServer,
  benchClient,
} from "./support/server-process.ts";

/** The live delivery target that holds without a replay (README, realtime) and must hold during one. */
const LIVE_P99_TARGET_MS = 100;
const LIVE = `subscription { accountChanged { cursor account { name } } }`;
const RESUME = `subscription($after: String) { accountChanged(after: $after) { cursor account { name } } }`;

const client = (url: string) =>
  createClient({
    url: `${url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    connectionParams: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
  });

const until = async (done: () => boolean | Promise<boolean>, what: string, timeoutMs = 300_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

export async function runResumeBench(missed = 10_000, liveSubscribers = 100, perSecond = 20): Promise<void> {
  pinLoadCore();
  const database = await benchDatabase();
  const server = await startServer({ DATABASE_URL: database.url }, SERVER_CORE);
  const db = await benchClient(database.url);
  try {
    const { accountCreate } = await gql(
      server.url,
      `mutation { accountCreate(input: { customerNumber: "C-RESUME", name: "Resume" }) { ... on AccountCreateSuccess { account { id } } } }`,
    );
    const id = accountCreate.account.id;
    const rename = (name: string) =>
      gql(server.url, `mutation($id: ID!, $name: String!) { accountUpdate(input: { id: $id, name: $name }) { __typename } }`, { id, name });

    // The cursor the returning subscriber left with.
    let cursor: string | null = null;
    const first = client(server.url);
    first.subscribe({ query: LIVE }, { next: ({ data }) => void (cursor ??= (data as any).accountChanged.cursor), error: () => {}, complete: () => {} });
    await new Promise<void>((resolve) => first.on("connected", () => resolve()));
    await rename("probe");
    await until(() => cursor !== null, "the first cursor");
    await first.dispose();

    // What it misses: account events committed while it is away, published by the relay.
    const raw = await db.query(`SELECT id FROM "Account" WHERE "customerNumber" = 'C-RESUME'`);
    await db.query(
      `INSERT INTO "OutboxEvent" (topic, payload) SELECT 'accountChanged', jsonb_build_object('accountId', $1::text, 'kind', 'UPDATED') FROM generate_series(1, $2::int)`,
      [raw.rows[0].id, missed],
    );
    const unpublished = async () => Number((await db.query(`SELECT count(*) FROM "OutboxEvent" WHERE "publishedAt" IS NULL`)).rows[0].count);
    await until(async () => (await unpublished()) === 0, "the relay to publish what was missed");

    // Others watch live; each live event's latency is measured while the replay runs.
    const sent = new Map<string, number>();
    const latencies: number[] = [];
    let probes = 0;
    const live = Array.from({ length: liveSubscribers }, () => client(server.url));
    for (const c of live) {
      c.subscribe(
        { query: LIVE },
        {
          next: ({ data }) => {
            const name = (data as any).accountChanged.account?.name;
            if (name === "live-probe") probes++;
            const at = sent.get(name);
            if (at !== undefined) latencies.push(performance.now() - at);
          },
          error: () => {},
          complete: () => {},
        },
      );
    }
    await Promise.all(live.map((c) => new Promise<void>((resolve) => c.on("connected", () => resolve()))));
    await rename("live-probe");
    await until(() => probes >= liveSubscribers, "every live subscriber");

    // Live events at `perSecond` until `done()`; their delivery latencies to every live subscriber, sorted.
    let i = 0;
    const liveWhile = async (done: () => boolean) => {
      latencies.length = 0;
      const from = i;
      while (!done()) {
        await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
        sent.set(`live-${i}`, performance.now());
        await rename(`live-${i++}`);
      }
      await until(() => latencies.length >= (i - from) * liveSubscribers, "the last live events");
      return [...latencies].sort((a, b) => a - b);
    };

    // The anchor: the same live load with no replay running.
    const anchorUntil = i + perSecond * 5;
    const anchor = await liveWhile(() => i >= anchorUntil);

    let replayed = 0;
    const returning = client(server.url);
    const started = performance.now();
    let caughtUp = 0;
    returning.subscribe(
      { query: RESUME, variables: { after: cursor } },
      {
        next: () => {
          if (++replayed === missed) caughtUp = performance.now() - started;
        },
        error: (e) => console.error(e),
        complete: () => {},
      },
    );
    const during = await liveWhile(() => replayed >= missed);
    await returning.dispose();
    await Promise.all(live.map((c) => c.dispose()));
    const p99 = percentile(during, 99);
    const anchorP99 = percentile(anchor, 99);
    console.log(
      `resume: replay of ${fmt(missed)} missed events to one subscriber caught up in ${fmt(caughtUp)} ms (${fmt((missed / caughtUp) * 1000)} events/s); meanwhile ${fmt(liveSubscribers)} live subscribers got ${fmt(during.length)} deliveries: p50 ${fmt(percentile(during, 50), 1)} ms, p99 ${fmt(p99, 1)} ms`,
    );
    console.log(`resume: target live p99 ≤ ${LIVE_P99_TARGET_MS} ms during the replay (#16): ${p99 <= LIVE_P99_TARGET_MS ? "met" : "NOT met"}`);
    console.log(
      `resume: anchor, the same live load with no replay: p50 ${fmt(percentile(anchor, 50), 1)} ms, p99 ${fmt(anchorP99, 1)} ms; live p99 during replay is ${fmt(p99 / anchorP99, 2)}× the anchor`,
    );
  } finally {
    await db.end();
    await server.stop();
    await database.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runResumeBench();
