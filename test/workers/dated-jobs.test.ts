import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { loadEcommerceBackoffice } from "../fixtures/policies/002-ecommerce-backoffice.ts";
import { testClock } from "../helpers/clock.ts";
import { migratedDataDir, migratedDatabase } from "../helpers/migrated.ts";
import { dataOf } from "../helpers/gql.ts";
import { createAccount, SUBSCRIPTION_FIELDS, subscribe as subscribeTier } from "../helpers/support.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { createTicket, readTicket } from "../helpers/tickets.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

// 002's levels, billed per calendar month in Berlin: March 2026 ends at 2026-03-31T22:00Z (CEST).
const MARCH_END = "2026-03-31T22:00:00.000Z";
const APRIL_END = "2026-04-30T22:00:00.000Z";
const CANCEL = `mutation($customerNumber: String!) {
  tierSubscriptionCancel(input: { customerNumber: $customerNumber, confirm: true }) { __typename ... on Error { code message } }
}`;
const SUBSCRIPTIONS = `query($customerNumber: String!) { account(customerNumber: $customerNumber) { tierSubscriptions { ${SUBSCRIPTION_FIELDS} } } }`;
const HISTORY = `query($customerNumber: String!) { tierSubscriptionHistory(customerNumber: $customerNumber) { kind at actor } }`;
const QUEUE = `subscription($filter: TicketFilterInput) { queueChanged(filter: $filter) { kind ticket { id tier { code } } } }`;

const subscriptionOf = async (t: TestApp, customerNumber: string) => dataOf(await t.gql(SUBSCRIPTIONS, { customerNumber })).account.tierSubscriptions[0];
const historyOf = async (t: TestApp, customerNumber: string) =>
  dataOf(await t.gql(HISTORY, { customerNumber })).tierSubscriptionHistory.map((e: { kind: string; at: string; actor: string }) => [e.kind, e.at, e.actor]);

async function cancel(t: TestApp, customerNumber: string) {
  expect(dataOf(await t.gql(CANCEL, { customerNumber })).tierSubscriptionCancel.__typename).toBe("TierSubscriptionCancelSuccess");
}

/** Watches the live queue of `tierCode` tickets; `arrived(id)` resolves once that ticket is added to it. */
async function watchQueue(t: TestApp, tierCode: string) {
  const client = wsClient(t.url, ADMIN_TOKEN);
  const stream = subscribe(client, QUEUE, { filter: { tierCodes: [tierCode] } });
  expect((await stream.next()).data.queueChanged.kind).toBe("SNAPSHOT");
  return {
    async arrived(ticketId: string, timeoutMs?: number) {
      for (;;) {
        const event = (await stream.next(timeoutMs)).data.queueChanged;
        if (event.kind === "TICKET_ADDED" && event.ticket.id === ticketId) return;
      }
    },
    async close() {
      stream.close();
      await client.dispose();
    },
  };
}

describe("dated jobs on an injected clock: a period end happens at its instant", () => {
  const clock = testClock("2026-03-30T08:00:00Z");
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
    await loadEcommerceBackoffice(t);
    for (const customerNumber of ["C-LEAVE", "C-STAY"]) await createAccount(t, customerNumber, { language: "de" });
  });
  afterAll(() => t.stop());

  it("ends a cancelled level and renews the others exactly at the period end, and moves open tickets off the ended level", async () => {
    await subscribeTier(t, "C-LEAVE", "GOLD");
    await subscribeTier(t, "C-STAY", "SILVER");
    await cancel(t, "C-LEAVE");
    const ticket = await createTicket(t, { customerNumber: "C-LEAVE" });
    expect(ticket).toMatchObject({ tier: { code: "GOLD" }, priority: { rank: 4 } });
    const basis = await watchQueue(t, "BASIS");

    clock.set(Date.parse(MARCH_END) - 1);
    expect(await t.app.datedJobs.tick()).toBe(0);
    expect(await subscriptionOf(t, "C-LEAVE")).toMatchObject({ status: "ACTIVE", endedAt: null });

    clock.set(MARCH_END);
    expect(await t.app.datedJobs.tick()).toBe(2);
    await basis.arrived(ticket.id);
    await basis.close();
    expect(await readTicket(t, ticket.id)).toMatchObject({ tier: { code: "BASIS" }, priority: { rank: 1 } });
    expect(await subscriptionOf(t, "C-LEAVE")).toMatchObject({ status: "ENDED", endedAt: MARCH_END, tier: { code: "GOLD" } });
    expect(await subscriptionOf(t, "C-STAY")).toMatchObject({ status: "ACTIVE", currentPeriodStart: MARCH_END, currentPeriodEnd: APRIL_END });
    expect(await historyOf(t, "C-LEAVE")).toEqual([
      ["SUBSCRIBED", "2026-03-30T08:00:00.000Z", "ADMIN_TOKEN"],
      ["CANCELLED", "2026-03-30T08:00:00.000Z", "ADMIN_TOKEN"],
      ["ENDED", MARCH_END, "system"],
    ]);
    expect(await t.app.datedJobs.tick()).toBe(0);
  });
});

describe("dated jobs on an injected clock: a renewal", () => {
  // an app of its own: every month end is due for every level, so another test's subscriptions would be renewed by its ticks too
  const clock = testClock("2026-03-30T08:00:00Z");
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
    await loadEcommerceBackoffice(t);
    await createAccount(t, "C-STAY", { language: "de" });
  });
  afterAll(() => t.stop());

  it("a renewal schedules the next period end", async () => {
    await subscribeTier(t, "C-STAY", "SILVER");
    clock.set(MARCH_END);
    expect(await t.app.datedJobs.tick()).toBe(1);
    expect(await subscriptionOf(t, "C-STAY")).toMatchObject({ status: "ACTIVE", currentPeriodStart: MARCH_END, currentPeriodEnd: APRIL_END });
    clock.set(APRIL_END);
    expect(await t.app.datedJobs.tick()).toBe(1);
    expect(await subscriptionOf(t, "C-STAY")).toMatchObject({ status: "ACTIVE", currentPeriodStart: APRIL_END, currentPeriodEnd: "2026-05-31T22:00:00.000Z" });
    expect((await historyOf(t, "C-STAY")).map(([kind, at]: string[]) => `${kind} ${at}`)).toEqual([
      "SUBSCRIBED 2026-03-30T08:00:00.000Z",
      `RENEWED ${MARCH_END}`,
      `RENEWED ${APRIL_END}`,
    ]);
  });
});

describe("dated jobs on the real clock", () => {
  // The service's clock runs in real time, shifted so that a billing month ends a few seconds ahead.
  let offset = Date.parse("2026-03-31T10:00:00Z") - Date.now();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: () => new Date(Date.now() + offset) });
    await loadEcommerceBackoffice(t);
    for (const customerNumber of ["C-SHORT", "C-WAKE"]) await createAccount(t, customerNumber, { language: "de" });
  });
  afterAll(() => t.stop());

  it("wakes up by itself at a period end a few seconds away and ends the cancelled level", async () => {
    await subscribeTier(t, "C-SHORT", "GOLD");
    await cancel(t, "C-SHORT");
    const ticket = await createTicket(t, { customerNumber: "C-SHORT" });
    expect(ticket.tier.code).toBe("GOLD");
    const basis = await watchQueue(t, "BASIS");

    offset = Date.parse(MARCH_END) - 3_000 - Date.now();
    // Any booking wakes the worker, which then sleeps until the period end three seconds on.
    await subscribeTier(t, "C-WAKE", "BRONZE");
    await basis.arrived(ticket.id, 60_000);
    await basis.close();
    expect(await subscriptionOf(t, "C-SHORT")).toMatchObject({ status: "ENDED", endedAt: MARCH_END });
  });
});

describe("dated jobs across restarts and instances", () => {
  it("does what came due while the service was down once it is back, once, even with two instances starting together", async () => {
    const database = await migratedDatabase();
    // PGlite is single-process: there, the same data directory is opened by one instance after another.
    const env: Record<string, string> = database.url ? {} : { DATA_DIR: migratedDataDir() };
    const options = { env, ...(database.url ? { databaseUrl: database.url } : {}) };
    const first = await startTestApp({ ...options, now: testClock("2026-03-30T08:00:00Z").now });
    await loadEcommerceBackoffice(first);
    await createAccount(first, "C-DOWN");
    await createAccount(first, "C-ON");
    await subscribeTier(first, "C-DOWN", "GOLD");
    await cancel(first, "C-DOWN");
    await subscribeTier(first, "C-ON", "SILVER");
    await first.stop();

    const later = testClock("2026-04-02T10:00:00Z");
    const instances = database.url
      ? await Promise.all([startTestApp({ ...options, now: later.now }), startTestApp({ ...options, now: later.now })])
      : [await startTestApp({ ...options, now: later.now })];
    const [second] = instances as [TestApp];
    try {
      await expect.poll(() => subscriptionOf(second, "C-DOWN"), { timeout: 30_000 }).toMatchObject({ status: "ENDED", endedAt: MARCH_END });
      await expect.poll(() => subscriptionOf(second, "C-ON"), { timeout: 30_000 }).toMatchObject({ currentPeriodEnd: APRIL_END });
      for (const instance of instances) expect(await instance.app.datedJobs.tick()).toBe(0);
      expect((await historyOf(second, "C-DOWN")).filter(([kind]: string[]) => kind === "ENDED")).toHaveLength(1);
      expect((await historyOf(second, "C-ON")).filter(([kind]: string[]) => kind === "RENEWED")).toEqual([["RENEWED", MARCH_END, "system"]]);
      const jobs = await second.prisma.datedJob.findMany({ orderBy: { dueAt: "asc" } });
      expect(jobs.map((job) => [job.dueAt.toISOString(), job.doneAt !== null, job.attempts])).toEqual([
        [MARCH_END, true, 0],
        [MARCH_END, true, 0],
        [APRIL_END, false, 0],
      ]);
    } finally {
      for (const instance of instances) await instance.app.stop();
      await database.drop();
    }
  });
});

describe("upgrading a database booked before dated jobs existed", () => {
  it("schedules the period end of every active subscription in the migration", async () => {
    const database = await migratedDatabase();
    const dataDir = migratedDataDir();
    const env: Record<string, string> = database.url ? {} : { DATA_DIR: dataDir };
    const options = { env, ...(database.url ? { databaseUrl: database.url } : {}) };
    const before = await startTestApp({ ...options, now: testClock("2026-03-30T08:00:00Z").now });
    await loadEcommerceBackoffice(before);
    await createAccount(before, "C-OLD");
    await subscribeTier(before, "C-OLD", "GOLD");
    await before.app.stop();

    // Back to the schema before the dated-jobs migrations (the table and its workspace), with the subscription kept.
    const db = await openDatabase({ databaseUrl: database.url, dataDir });
    try {
      await db.withSession(async (session) => {
        await session.exec(`DROP TABLE "DatedJob"; DROP TYPE "DatedJobKind"; DELETE FROM "_prisma_migrations" WHERE migration_name LIKE '%_dated_jobs'`);
      });
      expect((await migrate(db)).map((name) => name.replace(/^\d+_/, ""))).toEqual(["dated_jobs", "workspace_dated_jobs"]);
      const jobs = await db.prisma.datedJob.findMany();
      const [subscription] = await db.prisma.tierSubscription.findMany();
      expect(jobs.map((job) => [job.kind, job.subjectId, job.dueAt.toISOString(), job.doneAt])).toEqual([
        ["TIER_PERIOD_END", subscription!.id, MARCH_END, null],
      ]);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
