/**
 * The queue page at scale, response cache OFF: the 50-ticket page at 5k, 100k and 1M open tickets
 * (seeded in SQL, bench/support/seed-open-tickets.ts), at c = 1 (latency) and c = 16 (throughput);
 * 50 viewers' different filters while 10 ticketCreate/s run; ticketCreate at c = 16; each next to
 * bare Yoga `{ __typename }` measured in the same run. Then the same mixed load with the response
 * cache on, and EXPLAIN (ANALYZE, BUFFERS) of the queue statement at the largest size.
 * Needs PostgreSQL (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres); its
 * database is dropped at the end. QUEUE_SIZES=5000,100000 picks other sizes.
 * Run: `npx tsx bench/queue-scale.ts`.
 */
import { pathToFileURL } from "node:url";
import { describeLoad, type LoadResult, runLoad } from "./load.ts";
import { queueExplain } from "./support/queue-explain.ts";
import { seedOpenTickets } from "./support/seed-open-tickets.ts";
import {
  adminGql,
  benchDatabase,
  fmt,
  LOAD_CORE,
  pinLoadCore,
  POSTGRES_URL,
  SERVER_CORE,
  type ServerProcess,
  startServer,
  benchClient,
  DEMO_WORKSPACE,
} from "./support/server-process.ts";

const SIZES = (process.env.QUEUE_SIZES ?? "5000,100000,1000000").split(",").map(Number);
const CONCURRENCY = 16;

const TICKET_FIELDS = `id number subject status priority { rank label } nextDueAt tier { code } account { customerNumber name }
  slaClocks { kind state dueAt remainingBusinessMinutes calendar { name } }`;
const PAGE = `query($id: ID!) { queue(id: $id) { tickets(first: 50) { edges { node { ${TICKET_FIELDS} } } } } }`;
const LIST = `query($filter: TicketFilterInput) { tickets(first: 50, filter: $filter) { edges { node { ${TICKET_FIELDS} } } } }`;
const CREATE = `mutation($input: TicketCreateInput!) { ticketCreate(input: $input) { __typename ... on TicketCreateSuccess { ticket { id status slaClocks { dueAt } } } } }`;
const AGENT_TOKEN = `mutation { apiTokenCreate(input: { name: "bench agent", role: AGENT }) { ... on ApiTokenIssued { secret } } }`;
const QUEUE = `mutation { queueCreate(input: { name: "All open", filter: {} }) { ... on QueueCreateSuccess { queue { id } } } }`;

/** 50 agents' filters: a team, an agent, a channel, a language, unassigned, breached, at risk, in combinations. */
const FILTERS = Array.from({ length: 50 }, (_, i) => {
  const kinds = [
    { teamIds: [`team-${i % 5}`] },
    { assigneeIds: [`agent-${i % 40}`] },
    { channels: [["EMAIL", "TICKET", "PORTAL", "CHAT"][i % 4]] },
    { unassigned: true },
    { breached: i % 2 === 0 },
    { atRisk: true, teamIds: [`team-${i % 5}`] },
    { languages: [["en", "de", "fr"][i % 3]], unassigned: i % 2 === 0 },
    { statuses: ["NEW", "OPEN"], channels: [["EMAIL", "TICKET"][i % 2]] },
  ];
  return kinds[i % kinds.length];
});

const createBodies = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const customerNumber = ["C-10001", "C-10009"][i % 2]!;
    const input = {
      customerNumber,
      channel: customerNumber === "C-10001" ? "EMAIL" : "TICKET",
      requestTypeCode: "USAGE_QUESTION",
      subject: `Bench ${i}`,
      body: "The export stops at 80 %.",
    };
    return JSON.stringify({ query: CREATE, variables: { input } });
  });

interface Anchor {
  throughput: LoadResult;
  latency: LoadResult;
}

async function anchor(): Promise<Anchor> {
  const server = await startServer({}, SERVER_CORE, "bench/support/bare-yoga.ts");
  try {
    const plan = { url: `${server.url}/graphql`, headers: {}, bodies: [JSON.stringify({ query: "{ __typename }" })] };
    await runLoad({ ...plan, concurrency: CONCURRENCY, count: 1_000, maxMs: 3_000 });
    const throughput = await runLoad({ ...plan, concurrency: CONCURRENCY, count: 20_000, maxMs: 5_000 });
    const latency = await runLoad({ ...plan, concurrency: 1, count: 3_000, maxMs: 3_000 });
    return { throughput, latency };
  } finally {
    await server.stop();
  }
}

const ofBare = (r: LoadResult, bare: LoadResult) => `${(r.perSecond / bare.perSecond).toFixed(3)} of bare`;
const latencyOfBare = (r: LoadResult, bare: LoadResult) => `×${(r.p50 / bare.p50).toFixed(1)} bare p50`;

async function withService<T>(databaseUrl: string, cacheMs: number, run: (server: ServerProcess, url: string, headers: Record<string, string>) => Promise<T>) {
  const server = await startServer({ SEED: "demo", DATABASE_URL: databaseUrl, RESPONSE_CACHE_MS: String(cacheMs) }, SERVER_CORE);
  try {
    const headers = {
      authorization: `Bearer ${(await adminGql(server.url, AGENT_TOKEN, {}, DEMO_WORKSPACE)).apiTokenCreate.secret}`,
      "x-workspace": DEMO_WORKSPACE,
    };
    return await run(server, `${server.url}/graphql`, headers);
  } finally {
    await server.stop();
  }
}

/** 50 different filters at c = 16 while ticketCreate runs at 10/s alongside. */
async function mixed(url: string, headers: Record<string, string>) {
  const lists = FILTERS.map((filter) => JSON.stringify({ query: LIST, variables: { filter } }));
  await runLoad({ url, headers, bodies: lists, concurrency: CONCURRENCY, count: 200, maxMs: 3_000 });
  const [pages, creates] = await Promise.all([
    runLoad({ url, headers, bodies: lists, concurrency: CONCURRENCY, count: 20_000, maxMs: 6_000 }),
    runLoad({ url, headers, bodies: createBodies(60), concurrency: 4, ratePerSecond: 10, count: 60, maxMs: 7_000 }),
  ]);
  return { pages, creates };
}

export async function runQueueScaleBench(): Promise<void> {
  pinLoadCore();
  console.log(`server pinned to core ${SERVER_CORE}; load on core ${LOAD_CORE}; PostgreSQL unpinned; response cache OFF unless said\n`);
  let database: Awaited<ReturnType<typeof benchDatabase>>;
  try {
    database = await benchDatabase();
  } catch (error) {
    console.log(`PostgreSQL at ${POSTGRES_URL} not reachable (${(error as Error).message}): skipped`);
    return;
  }
  try {
    const bare = await anchor();
    console.log(`bare Yoga { __typename }: c=16 ${describeLoad(bare.throughput)}; c=1 p50 ${bare.latency.p50.toFixed(2)} ms`);
    // the service migrates the database and seeds the demo data the seeded tickets copy
    await withService(database.url, 0, async () => {});
    for (const size of SIZES) {
      const seconds = await seedOpenTickets(database.url, size);
      await withService(database.url, 0, async (server, url, headers) => {
        const queueId = (await adminGql(url.replace(/\/graphql$/, ""), QUEUE)).queueCreate.queue.id;
        const page = { url, headers, bodies: [JSON.stringify({ query: PAGE, variables: { id: queueId } })] };
        await runLoad({ ...page, concurrency: 4, count: 100, maxMs: 5_000 });
        const latency = await runLoad({ ...page, concurrency: 1, count: 300, maxMs: 5_000 });
        const cpu = server.cpuSeconds();
        const throughput = await runLoad({ ...page, concurrency: CONCURRENCY, count: 5_000, maxMs: 6_000 });
        const cpuPerPage = ((server.cpuSeconds() - cpu) / throughput.requests) * 1000;
        console.log(`\n${fmt(size)} open tickets (seeded in ${fmt(seconds, 1)} s)`);
        console.log(
          `  queue page c=1:  p50 ${latency.p50.toFixed(2)} ms p99 ${latency.p99.toFixed(2)} ms — ${latencyOfBare(latency, bare.latency)}${latency.errors ? ` (${latency.errors} errors)` : ""}`,
        );
        console.log(`  queue page c=16: ${describeLoad(throughput)} — ${ofBare(throughput, bare.throughput)}; server CPU ${fmt(cpuPerPage, 2)} ms per page`);
      });
    }
    await withService(database.url, 0, async (server, url, headers) => {
      const { pages, creates } = await mixed(url, headers);
      console.log(
        `\nat ${fmt(SIZES.at(-1)!)}: 50 filters c=16 with 10 ticketCreate/s, cache off: ${describeLoad(pages)} — ${ofBare(pages, bare.throughput)}; creates p50 ${creates.p50.toFixed(1)} ms${creates.errors ? ` (${creates.errors} errors)` : ""}`,
      );
      const bodies = createBodies(4_000);
      await runLoad({ url, headers, bodies, concurrency: CONCURRENCY, count: 200, maxMs: 3_000 });
      const cpu = server.cpuSeconds();
      const created = await runLoad({ url, headers, bodies, concurrency: CONCURRENCY, count: 4_000, maxMs: 6_000 });
      const cpuPer = ((server.cpuSeconds() - cpu) / created.requests) * 1000;
      console.log(`  ticketCreate c=16: ${describeLoad(created)} — ${ofBare(created, bare.throughput)}; server CPU ${fmt(cpuPer, 2)} ms per ticket`);
    });
    await withService(database.url, 1_000, async (_server, url, headers) => {
      const { pages } = await mixed(url, headers);
      console.log(`  same 50 filters with the response cache on (1 s): ${describeLoad(pages)} — ${ofBare(pages, bare.throughput)}`);
    });
    const client = await benchClient(database.url, DEMO_WORKSPACE);
    try {
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the queue page statement at ${fmt(SIZES.at(-1)!)}:\n${await queueExplain(client)}`);
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runQueueScaleBench();
