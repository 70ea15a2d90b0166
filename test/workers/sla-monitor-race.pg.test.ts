import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { createEventBus } from "../../src/events/bus.ts";
import { silentLogger } from "../../src/logger.ts";
import { SlaMonitor } from "../../src/workers/sla-monitor.ts";
import type { ServiceDeps } from "../../src/db/service-deps.ts";
import { testClock } from "../helpers/clock.ts";
import { ticketWithPendingAlerts } from "../helpers/sla-alert-rows.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

const T0 = Date.parse("2026-11-23T09:00:00Z");
const ALERTS = 400;
const INSTANCES = 4;

// A PostgreSQL test (vitest.config.ts runs *.pg.test.ts only with DATABASE_URL): on PGlite, one
// connection, the racing statements run one after the other and could not collide.
describe("the SLA monitor on PostgreSQL, several instances racing", () => {
  const clock = testClock(T0);
  let t: TestApp;
  let databases: Database[];
  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
    databases = await Promise.all(Array.from({ length: INSTANCES }, () => openDatabase({ databaseUrl: t.databaseUrl })));
    for (const db of databases) db.enforceWorkspaces();
  });
  afterAll(async () => {
    await Promise.all(databases.map((db) => db.close()));
    await t.stop();
  });

  it("fires each due alert exactly once when the monitors of several instances claim them at the same instant", async () => {
    const monitors = databases.map(
      (db) =>
        new SlaMonitor({
          prisma: db.prisma,
          sql: db.sql,
          bus: createEventBus(),
          now: clock.now,
          log: silentLogger,
          committed: () => {},
        } as unknown as ServiceDeps),
    );
    // connected and warm, so that the racing statements start together
    expect(await Promise.all(monitors.map((monitor) => monitor.tick()))).toEqual(monitors.map(() => 0));
    const fireAt = new Date(T0 + 60_000);
    // one clock, many thresholds: every alert due at once, one statement's worth of rows for each instance
    const alerts = Array.from({ length: ALERTS }, (_, i) => ({ kind: "WARNING" as const, threshold: (i + 1) / (ALERTS + 1), fireAt }));
    await ticketWithPendingAlerts(t.app, "C-RACE", alerts);
    clock.set(T0 + 120_000);
    const fired = await Promise.all([...monitors, t.app.slaMonitor].map((monitor) => monitor.tick()));
    expect(await t.prisma.slaAlert.count({ where: { firedAt: null } })).toBe(0);
    const events = await t.prisma.outboxEvent.findMany({ where: { topic: "slaAlertFired" }, select: { payload: true } });
    const perAlert = new Map<string, number>();
    for (const { payload } of events) {
      const { alertId } = payload as { alertId: string };
      perAlert.set(alertId, (perAlert.get(alertId) ?? 0) + 1);
    }
    expect({ alerts: perAlert.size, firedMoreThanOnce: [...perAlert.values()].filter((n) => n > 1).length }).toEqual({ alerts: ALERTS, firedMoreThanOnce: 0 });
    expect(fired.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(ALERTS); // the app's own loop may have fired some
  });
});
