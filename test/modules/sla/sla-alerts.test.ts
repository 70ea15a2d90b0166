import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClock } from "../../helpers/clock.ts";
import { freshDatabaseUrl } from "../../helpers/database.ts";
import { ticketWithPendingAlerts } from "../../helpers/sla-alert-rows.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { subscribe, wsClient } from "../../helpers/ws.ts";

const ALERTS = `subscription($filter: SlaAlertFilter) { slaAlerts(filter: $filter) { sequence kind threshold alertAt late target dueAt remainingBusinessMinutes ticketId } }`;
const T0 = Date.parse("2026-11-23T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

describe("the SLA monitor fires each alert once, at its instant", () => {
  const clock = testClock(T0);
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
  });
  afterAll(() => t.stop());

  it("delivers warnings and the breach when the (injected) clock reaches them, not before", async () => {
    const live = t.subscribed("slaAlerts");
    const client = wsClient(t.url, ADMIN_TOKEN);
    const alerts = subscribe(client, ALERTS, { filter: { customerNumber: "C-5101" } });
    await live;
    await ticketWithPendingAlerts(t.app, "C-5101", [
      { kind: "WARNING", threshold: 0.75, fireAt: at(60) },
      { kind: "WARNING", threshold: 0.9, fireAt: at(96) },
      { kind: "BREACHED", threshold: 1, fireAt: at(120) },
    ]);
    clock.set(at(60).getTime() - 1);
    expect(await t.app.slaMonitor.tick()).toBe(0);
    clock.set(at(60).getTime());
    expect(await t.app.slaMonitor.tick()).toBe(1);
    const warning = await alerts.next();
    expect(warning.data.slaAlerts).toMatchObject({
      kind: "WARNING",
      threshold: 0.75,
      alertAt: at(60).toISOString(),
      late: false,
      target: "FIRST_RESPONSE",
      remainingBusinessMinutes: 60,
    });
    clock.set(at(130).getTime()); // 0.9 and the breach are both due now; 10 minutes late
    expect(await t.app.slaMonitor.tick()).toBe(2);
    const [second, third] = [await alerts.next(), await alerts.next()];
    expect([second.data.slaAlerts.kind, third.data.slaAlerts.kind]).toEqual(["WARNING", "BREACHED"]);
    expect(third.data.slaAlerts).toMatchObject({ late: true, remainingBusinessMinutes: 0 });
    expect(third.data.slaAlerts.sequence).toBeGreaterThan(second.data.slaAlerts.sequence);
    expect(await t.app.slaMonitor.tick()).toBe(0);
    // nothing more of the first ticket: a later alert of another ticket is the next event
    await ticketWithPendingAlerts(t.app, "C-5101", [{ kind: "BREACHED", threshold: 1, fireAt: at(140) }]);
    clock.set(at(140).getTime());
    expect(await t.app.slaMonitor.tick()).toBe(1);
    const sentinel = (await alerts.next()).data.slaAlerts;
    expect(sentinel).toMatchObject({ kind: "BREACHED", alertAt: at(140).toISOString() });
    expect(sentinel.ticketId).not.toBe(warning.data.slaAlerts.ticketId);
    alerts.close();
    await client.dispose();
  });
});

describe("the SLA monitor on the real clock", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("wakes up by itself at the next alert's instant, not before, with no tick and no event to wake it", async () => {
    const live = t.subscribed("slaAlerts");
    const client = wsClient(t.url, ADMIN_TOKEN);
    const alerts = subscribe(client, ALERTS);
    await live;
    const fireAt = new Date(Date.now() + 400);
    await ticketWithPendingAlerts(t.app, "C-5201", [{ kind: "WARNING", threshold: 0.75, fireAt }]);
    // well within the loop's longest sleep (MAX_SLEEP_MS, 30 s): it slept until this alert, however busy the machine
    const event = await alerts.next(20_000);
    expect(Date.now()).toBeGreaterThanOrEqual(fireAt.getTime());
    expect(event.data.slaAlerts).toMatchObject({ kind: "WARNING", alertAt: fireAt.toISOString() });
    alerts.close();
    await client.dispose();
  });
});

describe("after downtime", () => {
  it("emits the alerts that came due while the service was down at once, marked late, once", async () => {
    const database = await freshDatabaseUrl();
    const env: Record<string, string> = database.url ? {} : { DATA_DIR: mkdtempSync(join(tmpdir(), "sla-restart-")) };
    const options = { env, ...(database.url ? { databaseUrl: database.url } : {}) };
    const first = await startTestApp(options);
    const fireAt = new Date(Date.now() + 60_000);
    await ticketWithPendingAlerts(first.app, "C-5301", [{ kind: "BREACHED", threshold: 1, fireAt }]);
    await first.stop();

    const clock = testClock(fireAt.getTime() + 5 * 60_000); // back five minutes after the instant
    const second = await startTestApp({ ...options, now: clock.now });
    try {
      await expect.poll(() => second.prisma.slaAlert.findFirst({ where: { fireAt } }), { timeout: 5_000 }).toMatchObject({ late: true });
      expect(await second.prisma.outboxEvent.count({ where: { topic: "slaAlertFired" } })).toBe(1);
      expect(await second.app.slaMonitor.tick()).toBe(0);
    } finally {
      await second.stop();
      await database.drop();
    }
  });
});
