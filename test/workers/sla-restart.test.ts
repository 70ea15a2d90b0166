import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { loadEcommerceBackoffice } from "../fixtures/policies/002-ecommerce-backoffice.ts";
import { migratedServiceDatabase } from "../helpers/migrated.ts";
import { postGql } from "../helpers/gql.ts";
import { ADMIN, startService } from "../helpers/service-process.ts";
import { createAccount, subscribe as subscribeTier } from "../helpers/support.ts";
import type { TestApp } from "../helpers/test-app.ts";
import { createTicket } from "../helpers/tickets.ts";

describe("a server killed with SIGKILL", () => {
  let database: Awaited<ReturnType<typeof migratedServiceDatabase>>;
  afterAll(() => database?.drop());

  it("emits the alerts that came due while it was down once it is back, each once, marked late", async () => {
    database = await migratedServiceDatabase();
    const { env, dataDir } = database;
    const first = await startService(env);
    const t = {
      gql: (query: string, variables?: Record<string, unknown>, token: string | null = ADMIN) => postGql(first.url, query, variables, token ?? undefined),
    } as unknown as TestApp;
    await loadEcommerceBackoffice(t);
    await createAccount(t, "C-KILL", { language: "de" });
    await subscribeTier(t, "C-KILL", "GOLD");
    const ticket = await createTicket(t, { customerNumber: "C-KILL", subject: "Down with the server" });
    await first.kill9();

    // While it is down, the clock runs past every alert of the ticket.
    const db = await openDatabase({ databaseUrl: database.url, dataDir });
    const pending = await db.prisma.slaAlert.updateMany({ where: { firedAt: null }, data: { fireAt: new Date(Date.now() - 10 * 60_000) } });
    expect(pending.count).toBe(3); // 75 %, 90 % and the breach of the first response
    await db.close();

    const second = await startService(env);
    const alerts = async () =>
      (await postGql(second.url, `query($id: ID!) { ticket(id: $id) { slaAlerts { kind threshold firedAt late } } }`, { id: ticket.id }, ADMIN)).data?.ticket
        .slaAlerts;
    await expect.poll(async () => (await alerts())?.filter((a: any) => a.firedAt && a.late).length, { timeout: 10_000 }).toBe(3);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const after = await openDatabase({ databaseUrl: database.url, dataDir });
    try {
      const alerts = await after.prisma.slaAlert.findMany({ where: { ticket: { number: ticket.number } } });
      expect(alerts.map((a) => [a.firedAt !== null, a.late])).toEqual([
        [true, true],
        [true, true],
        [true, true],
      ]);
      const events = await after.prisma.outboxEvent.findMany({ where: { topic: "slaAlertFired" } });
      expect(events).toHaveLength(3);
      expect(events.every((e) => e.publishedAt !== null && e.sequence !== null)).toBe(true);
    } finally {
      await after.close();
    }
  });
});
