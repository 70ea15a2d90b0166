import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, offlinePage, signIn } from "../helpers/browser.ts";
import { dataOf } from "../helpers/gql.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";

/** The workspace the README tells a visitor to sign in with. */
const DEMO_WORKSPACE = "source-002";

/** The README's promise, on the real clock: `SEED=demo npm start`, open /app, sign in, watch the demo queue tick. */
describe("the demo queue in a real browser", () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let external: string[];
  let errors: string[];

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED: "demo" } });
    browser = await launchBrowser();
    ({ page, external, errors } = await offlinePage(browser, t.url));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("shows the demo workspace's open tickets, offline, each running clock counting down", async () => {
    const { tickets } = dataOf(
      await t.gql(`{ tickets(first: 50) { edges { node { number subject slaClocks { running } } } } }`, {}, ADMIN_TOKEN, { "x-workspace": DEMO_WORKSPACE }),
    );
    const open = tickets.edges.map((edge: any) => edge.node);
    expect(open.map((ticket: any) => ticket.subject)).toEqual(expect.arrayContaining(["Order export stops at 80 %", "Call back: payment provider webhook"]));
    expect(open.map((ticket: any) => ticket.subject)).not.toContain("Bulk-edit shipping rules"); // solved by the demo day

    await signIn(page, t.url, ADMIN_TOKEN, DEMO_WORKSPACE);
    const rows = page.locator(".tickets [data-number]");
    await expect
      .poll(() => rows.evaluateAll((all) => all.map((row) => Number(row.getAttribute("data-number"))).sort((a, b) => a - b)), { timeout: 15_000 })
      .toEqual(open.map((ticket: any) => ticket.number).sort((a: number, b: number) => a - b));

    const running = open.filter((ticket: any) => ticket.slaClocks.some((clock: any) => clock.running));
    expect(running.length).toBeGreaterThan(0);
    for (const ticket of running) {
      const countdown = page.locator(`.tickets [data-number="${ticket.number}"] .countdown`);
      expect(await countdown.textContent()).toMatch(/^(\d+d )?(\d+h )?\d+m \d\ds · /);
      const before = await countdown.textContent();
      // the page's own clock moves it on: wait in the page until the text is another
      await page.waitForFunction(
        ([number, text]) => document.querySelector(`.tickets [data-number="${number}"] .countdown`)?.textContent !== text,
        [ticket.number, before] as const,
        { timeout: 15_000 },
      );
    }
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
