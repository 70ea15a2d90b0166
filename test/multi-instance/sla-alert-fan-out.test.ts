import { describe, expect, it } from "vitest";
import { ticketWithPendingAlerts } from "../helpers/sla-alert-rows.ts";
import { ADMIN_TOKEN } from "../helpers/test-app.ts";
import { twoInstances } from "../helpers/two-instances.ts";
import { subscribe, wsClient } from "../helpers/ws.ts";

// Runs only with DATABASE_URL and REDIS_URL (see vitest.config.ts).
describe("SLA alerts with two server processes on one database and Redis", () => {
  const instances = twoInstances();

  it("fires each alert on one instance only and delivers it once to subscribers on both", async () => {
    const { a, b } = instances;
    const live = [a.subscribed("slaAlerts"), b.subscribed("slaAlerts")];
    const clients = [wsClient(a.url, ADMIN_TOKEN), wsClient(b.url, ADMIN_TOKEN)];
    const streams = clients.map((client) => subscribe(client, `subscription { slaAlerts { alertId kind sequence threshold } }`));
    await Promise.all(live);
    const soon = Date.now() + 600;
    await ticketWithPendingAlerts(a.app, "C-6101", [
      { kind: "WARNING", threshold: 0.75, fireAt: new Date(soon) },
      { kind: "BREACHED", threshold: 1, fireAt: new Date(soon + 200) },
    ]);
    // Both monitors wake for the rows (the change event reaches both through Redis) and race.
    for (const stream of streams) {
      const kinds = [(await stream.next()).data.slaAlerts.kind, (await stream.next()).data.slaAlerts.kind];
      expect(kinds).toEqual(["WARNING", "BREACHED"]);
    }
    // once each: a later alert (threshold 0.9, due after both) is the next event on both
    await ticketWithPendingAlerts(b.app, "C-6102", [{ kind: "WARNING", threshold: 0.9, fireAt: new Date(Date.now() + 300) }]);
    for (const stream of streams) expect((await stream.next()).data.slaAlerts).toMatchObject({ kind: "WARNING", threshold: 0.9 });
    expect(await a.prisma.outboxEvent.count({ where: { topic: "slaAlertFired" } })).toBe(3);
    for (const stream of streams) stream.close();
    await Promise.all(clients.map((client) => client.dispose()));
  });
});
