/**
 * Ticket intake and the 50-ticket queue page over HTTP, on PGlite and on PostgreSQL, next to a
 * bare Yoga `{ __typename }` server measured in the same run. Each server runs in its own process
 * pinned to one core (SERVER_CORE); the load runs here, on a worker thread, on the other core
 * (LOAD_CORE). PostgreSQL: DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres)
 * gets a fresh database.
 * Run: `npx tsx bench/tickets.ts`.
 */
import { pathToFileURL } from "node:url";
import { describeLoad, type LoadResult, runLoad } from "./load.ts";
import {
  adminGql,
  benchDatabase,
  fmt,
  LOAD_CORE,
  pinLoadCore,
  settled,
  POSTGRES_URL,
  SERVER_CORE,
  type ServerProcess,
  startServer,
  DEMO_WORKSPACE,
} from "./support/server-process.ts";

const CONCURRENCY = 16;
const QUEUE_TICKETS = 300;

const PAGE = `query($id: ID!) { queue(id: $id) { tickets(first: 50) { edges { node { id number subject status priority { rank label } nextDueAt
  tier { code } account { customerNumber name } slaClocks { kind state dueAt remainingBusinessMinutes calendar { name } } } } } } }`;
const CREATE = `mutation($input: TicketCreateInput!) { ticketCreate(input: $input) { __typename ... on TicketCreateSuccess { ticket { id status slaClocks { dueAt } } } } }`;
const AGENT_TOKEN = `mutation { apiTokenCreate(input: { name: "bench agent", role: AGENT }) { ... on ApiTokenIssued { secret } } }`;
const QUEUE = `mutation { queueCreate(input: { name: "All open", filter: {} }) { ... on QueueCreateSuccess { queue { id } } } }`;

const createBodies = (count: number, subject: (i: number) => string, customers = ["C-10001"]) =>
  Array.from({ length: count }, (_, i) => {
    const customerNumber = customers[i % customers.length]!;
    const channel = customerNumber === "C-10001" ? "EMAIL" : "TICKET";
    const input = { customerNumber, channel, requestTypeCode: "USAGE_QUESTION", subject: subject(i), body: "The export stops at 80 %." };
    return JSON.stringify({ query: CREATE, variables: { input } });
  });

async function withServer<T>(env: Record<string, string>, script: string | undefined, run: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await startServer(env, SERVER_CORE, script);
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

function baseline(): Promise<LoadResult> {
  return withServer({}, "bench/support/bare-yoga.ts", async (server) => {
    const plan = { url: `${server.url}/graphql`, headers: {}, bodies: [JSON.stringify({ query: "{ __typename }" })], concurrency: CONCURRENCY };
    await runLoad({ ...plan, count: 1_000, maxMs: 3_000 });
    return runLoad({ ...plan, count: 20_000, maxMs: 5_000 });
  });
}

/** A fresh database next to POSTGRES_URL, or null (and a note) when PostgreSQL is not reachable. */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  try {
    return await benchDatabase();
  } catch (error) {
    console.log(`PostgreSQL at ${POSTGRES_URL} not reachable (${(error as Error).message}): skipped`);
    return null;
  }
}

/** Without the operation checks and the rate counting, to show what they cost. */
const LIMITS_OFF = { OPERATION_LIMITS: "off", RATE_LIMIT_PER_MINUTE: "0" };

/** A demo-seeded server made ready for the load: an agent's headers, a queue of 300 more open tickets, its page and intake bodies. */
export async function prepare(server: ServerProcess) {
  const url = `${server.url}/graphql`;
  const headers = {
    authorization: `Bearer ${(await adminGql(server.url, AGENT_TOKEN, {}, DEMO_WORKSPACE)).apiTokenCreate.secret}`,
    "x-workspace": DEMO_WORKSPACE,
  };
  const fillers = createBodies(QUEUE_TICKETS, (i) => `Queue filler ${i}`, ["C-10001", "C-10009"]);
  const filled = await runLoad({ url, headers, bodies: fillers, concurrency: 4, count: QUEUE_TICKETS, maxMs: 60_000 });
  if (filled.errors) throw new Error(`${filled.errors} of the queue's tickets failed`);
  const queueId = (await adminGql(server.url, QUEUE, {}, DEMO_WORKSPACE)).queueCreate.queue.id;
  return {
    page: { url, headers, bodies: [JSON.stringify({ query: PAGE, variables: { id: queueId } })] },
    creates: { url, headers, bodies: createBodies(500, (i) => `Bench ${i}`) },
  };
}

async function benchOn(label: string, env: Record<string, string>, anchor: LoadResult): Promise<void> {
  return withServer({ SEED: "demo", ...env }, undefined, async (server) => {
    const { page, creates: intake } = await prepare(server);
    await runLoad({ ...page, concurrency: 8, count: 300, maxMs: 5_000 });
    const peak = await runLoad({ ...page, concurrency: CONCURRENCY, count: 5_000, maxMs: 6_000 });
    const rate = Math.max(1, Math.floor(peak.perSecond * 0.7));
    const paced = await runLoad({ ...page, concurrency: 64, ratePerSecond: rate, count: rate * 4, maxMs: 6_000 });

    await runLoad({ ...intake, concurrency: CONCURRENCY, count: 200, maxMs: 3_000 });
    const cpuBefore = server.cpuSeconds();
    const creates = await runLoad({ ...intake, concurrency: CONCURRENCY, count: 4_000, maxMs: 6_000 });
    const cpuPerCreate = ((server.cpuSeconds() - cpuBefore) / creates.requests) * 1000;

    const ratio = (r: LoadResult) => `${((r.perSecond / anchor.perSecond) * 100).toFixed(0)} % of the Yoga baseline`;
    console.log(`${label}`);
    console.log(
      `  queue page (50 of 300 tickets, one viewer, response cache on: mostly the cache; cache off at scale: bench/queue-scale.ts) at peak, ${CONCURRENCY} in flight: ${describeLoad(peak)}  — ${ratio(peak)}`,
    );
    console.log(`  queue page at 70 % of peak (${rate} req/s):      ${describeLoad(paced)}`);
    console.log(
      `  ticketCreate, ${CONCURRENCY} in flight:              ${describeLoad(creates)}  — ${ratio(creates)}; server CPU ${fmt(cpuPerCreate, 2)} ms per ticket`,
    );
    const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
    if (env.DATABASE_URL) {
      console.log(
        `  targets (PostgreSQL): cached queue page ≥ 800 req/s ${verdict(peak.perSecond >= 800)}; p99 ≤ 25 ms at 70 % ${verdict(paced.p99 <= 25)}; ticketCreate ≥ 400/s ${verdict(creates.perSecond >= 400)}`,
      );
    }
  });
}

const ROUNDS = 10;
/** A create on PGlite takes tens of milliseconds: its rounds are longer, so each holds enough of them. */
const ROUND_MS = { page: 1_000, creates: 2_500 };

/**
 * What the limits (operation checks and rate counting) cost: two PGlite servers alike but for them,
 * loaded in alternating rounds (on, off, off, on, …), so a change in the machine's load falls on
 * both alike; the throughput with them as a share of the throughput without them, over all rounds.
 */
export async function printLimitsCost(): Promise<void> {
  const servers = [await startServer({ SEED: "demo" }, SERVER_CORE), await startServer({ SEED: "demo", ...LIMITS_OFF }, SERVER_CORE)];
  try {
    const plans = [await prepare(servers[0]!), await prepare(servers[1]!)];
    await Promise.all(servers.map((server) => settled(server)));
    const kinds = ["page", "creates"] as const;
    const served = { page: [0, 0], creates: [0, 0] };
    const seconds = { page: [0, 0], creates: [0, 0] };
    const cpu = { page: [0, 0], creates: [0, 0] };
    // All page rounds first: what the writes leave behind (relay, follower, SLA monitor) would otherwise run during a page round.
    for (const kind of kinds) {
      for (let round = -1; round < ROUNDS; round++) {
        for (const i of round % 2 ? [1, 0] : [0, 1]) {
          const cpuBefore = servers[i]!.cpuSeconds();
          const result = await runLoad({ ...plans[i]![kind], concurrency: CONCURRENCY, count: 100_000, maxMs: ROUND_MS[kind] });
          cpu[kind][i]! += servers[i]!.cpuSeconds() - cpuBefore;
          if (result.errors) throw new Error(`${result.errors} ${kind} requests failed (limits ${i ? "off" : "on"})`);
          served[kind][i]! += result.requests;
          seconds[kind][i]! += result.seconds;
        }
        if (round < 0) for (const i of [0, 1]) served[kind][i] = seconds[kind][i] = cpu[kind][i] = 0; // the first round warms both up
      }
    }
    const pooled = (kind: (typeof kinds)[number]) => (served[kind][0]! / seconds[kind][0]! / (served[kind][1]! / seconds[kind][1]!)) * 100;
    const verdict = (kind: (typeof kinds)[number]) => (pooled(kind) >= 95 ? "met" : "MISSED");
    const perSecond = (kind: (typeof kinds)[number], i: number) => (served[kind][i]! / seconds[kind][i]!).toFixed(0);
    const cpuPer = (kind: (typeof kinds)[number], i: number) => fmt((cpu[kind][i]! / served[kind][i]!) * 1000, 2);
    console.log(
      `PGlite (in memory), limits on vs OPERATION_LIMITS=off, ${ROUNDS} pairs of alternating rounds (queue page ${ROUND_MS.page / 1000} s, ticketCreate ${ROUND_MS.creates / 1000} s), ${CONCURRENCY} in flight:`,
    );
    for (const [kind, label] of [
      ["page", "queue page"],
      ["creates", "ticketCreate"],
    ] as const) {
      console.log(
        `  ${label}: ${pooled(kind).toFixed(1)} % of the throughput without them (${perSecond(kind, 0)} vs ${perSecond(kind, 1)} req/s; server CPU ${cpuPer(kind, 0)} vs ${cpuPer(kind, 1)} ms per request); target ≥ 95 %: ${verdict(kind)}`,
      );
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

export async function runTicketBench(): Promise<void> {
  pinLoadCore();
  console.log(`each server: its own process pinned to core ${SERVER_CORE}; load: this process, on a worker thread, pinned to core ${LOAD_CORE}\n`);
  const anchor = await baseline();
  console.log(`bare Yoga { __typename }, ${CONCURRENCY} in flight:      ${describeLoad(anchor)}`);
  await benchOn("PGlite (in memory)", {}, anchor);
  await printLimitsCost();
  const postgres = await freshPostgres();
  if (postgres) {
    try {
      await benchOn("PostgreSQL", { DATABASE_URL: postgres.url }, anchor);
    } finally {
      await postgres.drop();
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runTicketBench();
