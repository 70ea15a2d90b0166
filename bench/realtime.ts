// Realtime benchmarks: idle sockets, shared vs per-subscriber execution, delivery latency and SLA
// alert lateness. The server runs as its own process on PostgreSQL, pinned to core 1; the load
// (graphql-ws clients) runs here, pinned to core 0.
import { pathToFileURL } from "node:url";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import {
  adminGql as gql,
  BENCH_ADMIN_TOKEN,
  benchDatabase,
  fmt,
  LOAD_CORE,
  percentile,
  pinLoadCore,
  SERVER_CORE,
  type ServerProcess,
  startServer,
  benchClient,
} from "./support/server-process.ts";

const CHANGED = `subscription { accountChanged { sequence account { name } } }`;

interface Subscriber {
  client: Client;
  received: number;
}

async function connect(url: string, count: number, query: string, onEvent: (data: any) => void): Promise<Subscriber[]> {
  const subscribers: Subscriber[] = [];
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, () => {
      const subscriber: Subscriber = {
        client: createClient({
          url: `${url.replace("http", "ws")}/graphql`,
          webSocketImpl: WebSocket,
          lazy: false,
          retryAttempts: 0,
          onNonLazyError: () => {},
          connectionParams: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
        }),
        received: 0,
      };
      subscriber.client.subscribe(
        { query },
        {
          next: (value) => {
            subscriber.received++;
            onEvent(value.data);
          },
          error: () => {},
          complete: () => {},
        },
      );
      subscribers.push(subscriber);
      return new Promise<void>((resolve) => subscriber.client.on("connected", () => resolve()));
    });
    await Promise.all(batch);
  }
  return subscribers;
}

async function accountFixture(url: string): Promise<string> {
  const data = await gql(
    url,
    `mutation { accountCreate(input: { customerNumber: "C-BENCH", name: "Bench" }) { ... on AccountCreateSuccess { account { id } } } }`,
  );
  return data.accountCreate.account.id;
}

const rename = (url: string, id: string, name: string) =>
  gql(url, `mutation($id: ID!, $name: String!) { accountUpdate(input: { id: $id, name: $name }) { __typename } }`, { id, name });

/** Resolves once every subscriber has received at least `count` events. */
async function untilReceived(subscribers: Subscriber[], count: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (subscribers.some((s) => s.received < count)) {
    if (Date.now() > deadline)
      throw new Error(`only ${subscribers.filter((s) => s.received >= count).length}/${subscribers.length} subscribers got ${count} events`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const disconnect = (subscribers: Subscriber[]) => Promise.all(subscribers.map((s) => s.client.dispose()));

async function withServer<T>(env: Record<string, string>, run: (server: ServerProcess) => Promise<T>): Promise<T> {
  const database = await benchDatabase();
  const server = await startServer({ DATABASE_URL: database.url, ...env }, SERVER_CORE);
  try {
    return await run(server);
  } finally {
    await server.stop();
    await database.drop();
  }
}

async function idleSockets(count: number) {
  return withServer({}, async (server) => {
    const id = await accountFixture(server.url);
    await rename(server.url, id, "warm-up");
    const before = server.rss();
    const subscribers = await connect(server.url, count, CHANGED, () => {});
    await rename(server.url, id, "probe"); // proves every subscription is live
    await untilReceived(subscribers, 1);
    const after = server.rss();
    await disconnect(subscribers);
    console.log(
      `idle sockets held: ${fmt(count)} with one subscription each; server RSS ${fmt(before / 2 ** 20)} → ${fmt(after / 2 ** 20)} MiB, ${fmt((after - before) / count / 1024, 1)} KiB per socket`,
    );
  });
}

async function deliveriesPerCore(share: boolean, subscriberCount: number, events: number) {
  return withServer({ SUBSCRIPTION_SHARING: share ? "on" : "off" }, async (server) => {
    const id = await accountFixture(server.url);
    const subscribers = await connect(server.url, subscriberCount, CHANGED, () => {});
    await rename(server.url, id, "probe");
    await untilReceived(subscribers, 1);
    const cpu = server.cpuSeconds();
    const started = performance.now();
    for (let i = 0; i < events; i++) await rename(server.url, id, `event-${i}`);
    await untilReceived(subscribers, events + 1);
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = server.cpuSeconds() - cpu;
    await disconnect(subscribers);
    const deliveries = subscriberCount * events;
    return { deliveries, perCoreSecond: deliveries / Math.max(cpuSeconds, 0.01), perSecond: deliveries / seconds };
  });
}

async function deliveryLatency(subscriberCount: number, perSecond: number, seconds: number) {
  return withServer({}, async (server) => {
    const id = await accountFixture(server.url);
    const sent = new Map<string, number>();
    const latencies: number[] = [];
    const subscribers = await connect(server.url, subscriberCount, CHANGED, (data) => {
      const at = sent.get(data?.accountChanged?.account?.name);
      if (at !== undefined) latencies.push(performance.now() - at);
    });
    await rename(server.url, id, "probe");
    await untilReceived(subscribers, 1);
    const total = perSecond * seconds;
    const started = performance.now();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < total; i++) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (i * 1000) / perSecond - performance.now())));
      sent.set(`latency-${i}`, performance.now());
      pending.push(rename(server.url, id, `latency-${i}`));
    }
    await Promise.all(pending);
    await untilReceived(subscribers, total + 1);
    await disconnect(subscribers);
    return latencies.sort((a, b) => a - b);
  });
}

/** Writes `count` pending alerts due between `from` and `from + spreadMs`, over 100 tickets. */
async function scheduleAlerts(databaseUrl: string, count: number, from: number, spreadMs: number) {
  const db = await benchClient(databaseUrl);
  const week = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"].map((day) => ({ day, start: "00:00", end: "24:00" }));
  await db.query(
    `INSERT INTO "Account" (id, "customerNumber", name, "updatedAt") VALUES ('00000000-0000-7000-8000-000000000001', 'C-ALERTS', 'Alerts', now())`,
  );
  await db.query(
    `INSERT INTO "BusinessCalendar" (id, name, "timeZone", definition, "updatedAt") VALUES ('00000000-0000-7000-8000-000000000002', '24/7', 'UTC', $1, now())`,
    [JSON.stringify({ name: "24/7", timeZone: "UTC", weeklyHours: week })],
  );
  const perTicket = count / 100;
  for (let t = 0; t < 100; t++) {
    const ticket = `00000000-0000-7000-9000-${String(t).padStart(12, "0")}`;
    const clock = `00000000-0000-7000-a000-${String(t).padStart(12, "0")}`;
    await db.query(
      `INSERT INTO "Ticket" (id, "accountId", "priorityRank", "priorityLabel", channel, language, "requestTypeId", subject, body, status, "createdBy", "updatedAt")
       SELECT $1, '00000000-0000-7000-8000-000000000001', 2, 'medium', 'TICKET', 'en', id, 'Alert bench', 'x', 'OPEN', 'bench', now() FROM "RequestType" LIMIT 1`,
      [ticket],
    );
    await db.query(
      `INSERT INTO "SlaClock" (id, "ticketId", kind, amount, unit, clock, "calendarId", guaranteed, thresholds, "startedAt")
       VALUES ($1, $2, 'RESOLUTION', 8, 'HOURS', 'CALENDAR', '00000000-0000-7000-8000-000000000002', true, '{}', now())`,
      [clock, ticket],
    );
    const fireAts = Array.from({ length: perTicket }, (_, _i) => new Date(from + Math.random() * spreadMs).toISOString());
    await db.query(
      `INSERT INTO "SlaAlert" (id, "ticketId", "clockId", kind, threshold, "fireAt")
       SELECT gen_random_uuid(), $1, $2, 'WARNING', (n::float / 1000), (f::timestamptz AT TIME ZONE 'UTC') FROM unnest($3::text[]) WITH ORDINALITY AS x(f, n)`,
      [ticket, clock, fireAts],
    );
  }
  // Tell the running monitors that the schedule changed, as a ticket write would.
  await db.query(
    `INSERT INTO "OutboxEvent" (topic, payload) VALUES ('ticketChanged', '{"ticketId":"bench","accountId":"bench","partnerId":null,"kind":"UPDATED"}')`,
  );
  await db.end();
}

async function alertLateness(count: number) {
  const database = await benchDatabase();
  const server = await startServer({ DATABASE_URL: database.url }, SERVER_CORE);
  try {
    const lateness: number[] = [];
    const subscribers = await connect(server.url, 1, `subscription { slaAlerts { alertAt } }`, (data) => {
      lateness.push(Date.now() - Date.parse(data.slaAlerts.alertAt));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await scheduleAlerts(database.url, count, Date.now() + 3_000, 10_000);
    await untilReceived(subscribers, count, 60_000);
    await disconnect(subscribers);
    const db = await benchClient(database.url);
    const fired = await db.query(
      `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms)::float8 p50, percentile_disc(0.99) WITHIN GROUP (ORDER BY ms)::float8 p99 FROM (SELECT EXTRACT(EPOCH FROM "firedAt" - "fireAt") * 1000 AS ms FROM "SlaAlert") x`,
    );
    await db.end();
    return { atSubscriber: lateness.sort((a, b) => a - b), firing: fired.rows[0] as { p50: number; p99: number } };
  } finally {
    await server.stop();
    await database.drop();
  }
}

export async function runRealtimeBench(): Promise<void> {
  pinLoadCore();
  console.log(`server: own process on PostgreSQL, pinned to core ${SERVER_CORE}; clients: this process, core ${LOAD_CORE}\n`);

  await idleSockets(10_000);

  const perSubscriber = await deliveriesPerCore(false, 500, 40);
  const shared = await deliveriesPerCore(true, 500, 40);
  console.log(`deliveries per server CPU-second (500 subscribers × 40 events, one subscription document):`);
  console.log(
    `  per-subscriber execution (anchor) ${fmt(perSubscriber.perCoreSecond)}   shared execution ${fmt(shared.perCoreSecond)}   ratio ${fmt(shared.perCoreSecond / perSubscriber.perCoreSecond, 1)}× (target ≥ 5×)`,
  );

  const latencies = await deliveryLatency(1_000, 10, 6);
  console.log(
    `delivery latency, 1,000 subscribers × 10 events/s for 6 s (${fmt(latencies.length)} deliveries): p50 ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms, max ${fmt(latencies.at(-1)!, 1)} ms (target p99 ≤ 100 ms)`,
  );

  const { atSubscriber, firing } = await alertLateness(10_000);
  console.log(`SLA alert lateness, 10,000 alerts due over 10 s: fired (firedAt − due) p50 ${fmt(firing.p50)} ms, p99 ${fmt(firing.p99)} ms;`);
  console.log(
    `  at the subscriber p50 ${fmt(percentile(atSubscriber, 50))} ms, p99 ${fmt(percentile(atSubscriber, 99))} ms, max ${fmt(atSubscriber.at(-1)!)} ms (target p99 ≤ 250 ms)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runRealtimeBench();
