import type { Browser, Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueueTicket } from "../../src/web/queue-state.ts";
import { launchBrowser, offlinePage, signIn } from "../helpers/browser.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";

const ROWS = 1000;
const RATE = 100; // updates per second
const SECONDS = 5;

function ticket(i: number, revision = 0): QueueTicket {
  return {
    id: `ticket-${i}`,
    number: i + 1,
    subject: `Ticket ${i + 1}${revision ? ` (revision ${revision})` : ""}`,
    status: "OPEN",
    assigneeId: i % 3 ? null : "agent-anna",
    atRiskAt: null,
    account: { customerNumber: `C-${10_000 + i}`, name: `Customer ${i + 1}` },
    tier: { code: "GOLD", name: "Gold" },
    priority: { rank: 3, label: "high" },
    slaClocks: [
      {
        kind: "FIRST_RESPONSE",
        state: "RUNNING",
        running: true,
        breached: false,
        dueAt: new Date(Date.now() + (i + 1) * 60_000).toISOString(),
        remainingBusinessMinutes: i + 1,
      },
    ],
  };
}

const counts = { total: ROWS, breached: 0, atRisk: 0, unassigned: 666 };
const next = (id: string, queueChanged: unknown) => JSON.stringify({ type: "next", id, payload: { data: { queueChanged } } });

/**
 * Speaks graphql-transport-ws in place of the server, so the browser's own cost is measured: a
 * 1,000-ticket snapshot, then whatever the test pushes. (The real server's snapshot is capped at 200.)
 */
function fakeQueueServer(page: Page) {
  let send: ((message: string) => void) | null = null;
  const ready = new Promise<void>((resolve) =>
    page.routeWebSocket(/\/graphql$/, (ws: WebSocketRoute) => {
      ws.onMessage((raw) => {
        const message = JSON.parse(String(raw));
        if (message.type === "connection_init") ws.send(JSON.stringify({ type: "connection_ack" }));
        else if (message.type === "ping") ws.send(JSON.stringify({ type: "pong" }));
        else if (message.type === "subscribe" && String(message.payload.query).includes("queueChanged")) {
          ws.send(
            next(message.id, {
              kind: "SNAPSHOT",
              sequence: 1,
              position: null,
              ticket: null,
              counts,
              tickets: Array.from({ length: ROWS }, (_, i) => ticket(i)),
            }),
          );
          send = (change) => ws.send(change.replace('"id":"?"', `"id":"${message.id}"`));
          resolve();
        }
      });
    }),
  );
  return { ready, send: (change: string) => send!(change) };
}

describe("a 1,000-row queue under 100 updates per second", () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("applies every update at its position and reports the update latency", async () => {
    const { page, errors } = await offlinePage(browser, t.url);
    const server = fakeQueueServer(page);
    await signIn(page, t.url, ADMIN_TOKEN);
    await server.ready;
    await page.locator(`[data-count="total"]:text-is("${ROWS}")`).waitFor();
    await page.evaluate(() => {
      const latencies: number[] = ((window as any).latencies = []);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name === "queue-update") latencies.push(entry.duration);
      }).observe({ entryTypes: ["measure"] });
      const long: number[] = ((window as any).long = []);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) long.push(entry.duration);
      }).observe({ entryTypes: ["longtask"] });
    });

    const order = Array.from({ length: ROWS }, (_, i) => i); // the expected queue, by ticket index
    const total = RATE * SECONDS;
    const started = Date.now();
    for (let k = 1; k <= total; k++) {
      const i = (k * 7919) % ROWS;
      const position = ((k * 104_729) % ROWS) + 1;
      order.splice(order.indexOf(i), 1);
      order.splice(position - 1, 0, i);
      server.send(next("?", { kind: "TICKET_UPDATED", sequence: k + 1, position, ticket: ticket(i, k), tickets: [], counts }));
      const due = started + (k * 1000) / RATE;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now())); // pacing the load, not waiting for readiness
    }
    const seconds = (Date.now() - started) / 1000;
    await page.waitForFunction((expected) => (window as any).latencies.length >= expected, total, { timeout: 60_000 });

    // Only the rows in view are in the DOM: each must be the ticket the model puts at its place.
    const shown = () =>
      page
        .locator(".tickets [data-number]")
        .evaluateAll((rows) => rows.map((row) => [Number(row.getAttribute("aria-rowindex")) - 2, Number(row.getAttribute("data-number"))]));
    const expectInPlace = (rows: number[][]) => {
      expect(rows.length).toBeGreaterThan(10);
      for (const [index, number] of rows) expect(number, `row ${index}`).toBe(order[index!]! + 1);
    };
    const top = await shown();
    expect(top[0]).toEqual([0, order[0]! + 1]);
    expectInPlace(top);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator(`.tickets [aria-rowindex="${ROWS + 1}"]`).waitFor();
    expectInPlace(await shown());
    const latencies = ((await page.evaluate(() => (window as any).latencies)) as number[]).sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    console.log(
      `queue of ${ROWS} rows, ${total} updates in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s): ` +
        `update → painted frame p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (target p95 ≤ 50 ms)`,
    );
    const long = (await page.evaluate(() => (window as any).long)) as number[];
    console.log(`long tasks (> 50 ms) meanwhile: ${long.length}, longest ${long.length ? Math.max(...long).toFixed(0) : 0} ms`);
    expect(errors).toEqual([]);
  });
});
