/**
 * Ticket intake and the 50-ticket queue page over HTTP, on PGlite and on PostgreSQL, next to a
 * bare Yoga `{ __typename }` server measured in the same run. The server runs in this process;
 * the load runs on a worker thread (bounded in count and time). PostgreSQL:
 * DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) gets a fresh database.
 * Run: `npx tsx bench/tickets.ts`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createSchema, createYoga } from "graphql-yoga";
import { buildApp } from "../src/app.ts";
import type { Viewer } from "../src/auth/viewer.ts";
import { loadConfig } from "../src/config.ts";
import { encodeId } from "../src/graphql/global-id.ts";
import { describeLoad, type LoadResult, runLoad } from "./load.ts";
import { benchDatabase, POSTGRES_URL } from "./support/server-process.ts";

const ADMIN: Viewer = { role: "ADMIN", tokenId: null, partnerId: null, accountId: null };
const CONCURRENCY = 16;
const QUEUE_TICKETS = 300;

const PAGE = `query($id: ID!) { queue(id: $id) { tickets(first: 50) { edges { node { id number subject status priority { rank label } nextDueAt
  tier { code } account { customerNumber name } slaClocks { kind state dueAt remainingBusinessMinutes calendar { name } } } } } } }`;
const CREATE = `mutation($input: TicketCreateInput!) { ticketCreate(input: $input) { __typename ... on TicketCreateSuccess { ticket { id status slaClocks { dueAt } } } } }`;

async function baseline(): Promise<LoadResult> {
  const yoga = createYoga({ schema: createSchema({ typeDefs: "type Query { ok: Boolean }" }), logging: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const plan = { url, headers: {}, bodies: [JSON.stringify({ query: "{ __typename }" })], concurrency: CONCURRENCY };
  await runLoad({ ...plan, count: 1_000, maxMs: 3_000 });
  const result = await runLoad({ ...plan, count: 20_000, maxMs: 5_000 });
  await new Promise((resolve) => server.close(resolve));
  return result;
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

async function benchOn(label: string, databaseUrl: string | undefined, anchor: LoadResult) {
  const config = loadConfig({ DATA_DIR: "memory", PORT: "0", SEED: "demo", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const app = await buildApp({ config });
  const url = `${await app.start(0)}/graphql`;
  try {
    const { secret } = await app.services.tokens.create(ADMIN, { name: "bench agent", role: "AGENT" });
    const headers = { authorization: `Bearer ${secret}` };
    for (let i = 0; i < QUEUE_TICKETS; i++) {
      const customerNumber = ["C-10001", "C-10002", "C-10004"][i % 3]!;
      const channel = customerNumber === "C-10001" ? "EMAIL" : "TICKET";
      await app.services.ticketIntake.create(ADMIN, { customerNumber, channel, requestTypeCode: "USAGE_QUESTION", subject: `Queue filler ${i}`, body: "…" });
    }
    const queue = await app.services.ticketQueues.queueCreate(ADMIN, { name: "All open", filter: {} });
    const page = { url, headers, bodies: [JSON.stringify({ query: PAGE, variables: { id: encodeId("Queue", queue.id) } })] };
    await runLoad({ ...page, concurrency: 8, count: 300, maxMs: 5_000 });
    const peak = await runLoad({ ...page, concurrency: CONCURRENCY, count: 5_000, maxMs: 6_000 });
    const rate = Math.max(1, Math.floor(peak.perSecond * 0.7));
    const paced = await runLoad({ ...page, concurrency: 64, ratePerSecond: rate, count: rate * 4, maxMs: 6_000 });

    const bodies = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ query: CREATE, variables: { input: { customerNumber: "C-10001", channel: "EMAIL", requestTypeCode: "USAGE_QUESTION", subject: `Bench ${i}`, body: "The export stops at 80 %." } } }),
    );
    const creates = await runLoad({ url, headers, bodies, concurrency: CONCURRENCY, count: 3_000, maxMs: 6_000 });

    const ratio = (r: LoadResult) => `${((r.perSecond / anchor.perSecond) * 100).toFixed(0)} % of the Yoga baseline`;
    console.log(`${label}`);
    console.log(`  queue page (50 tickets) at peak, ${CONCURRENCY} in flight: ${describeLoad(peak)}  — ${ratio(peak)}`);
    console.log(`  queue page at 70 % of peak (${rate} req/s):      ${describeLoad(paced)}`);
    console.log(`  ticketCreate, ${CONCURRENCY} in flight:              ${describeLoad(creates)}  — ${ratio(creates)}`);
    const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
    if (databaseUrl) {
      console.log(`  targets (PostgreSQL): queue page ≥ 800 req/s ${verdict(peak.perSecond >= 800)}; p99 ≤ 25 ms at 70 % ${verdict(paced.p99 <= 25)}; ticketCreate ≥ 400/s ${verdict(creates.perSecond >= 400)}`);
    }
  } finally {
    await app.stop();
  }
}

export async function runTicketBench(): Promise<void> {
  const anchor = await baseline();
  console.log(`bare Yoga { __typename }, ${CONCURRENCY} in flight:      ${describeLoad(anchor)}`);
  await benchOn("PGlite (in memory)", undefined, anchor);
  const postgres = await freshPostgres();
  if (postgres) {
    try {
      await benchOn("PostgreSQL", postgres.url, anchor);
    } finally {
      await postgres.drop();
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runTicketBench();
