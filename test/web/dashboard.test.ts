import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { loadEcommerceBackoffice } from "../fixtures/policies/002-ecommerce-backoffice.ts";
import { launchBrowser, offlinePage, screenshot, signIn } from "../helpers/browser.ts";
import { testClock } from "../helpers/clock.ts";
import { dataOf } from "../helpers/gql.ts";
import { createAccount, subscribe as subscribeTier } from "../helpers/support.ts";
import { tcpProxy } from "../helpers/tcp-proxy.ts";
import { createWorkspace } from "../helpers/workspaces.ts";
import { ADMIN_TOKEN, startTestApp } from "../helpers/test-app.ts";
import { createTicket, ticketDone } from "../helpers/tickets.ts";

const berlin = (day: string, time: string) => Date.parse(`${day}T${time}+01:00`);
const MONDAY = "2026-03-02";

/** The numbers of the queue's rows, top to bottom. */
const rowNumbers = (page: Page) => page.locator(".tickets [data-number]").evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-number"))));
/** Waits for a DOM state (playwright-style), generously: the machine may be busy. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });
const row = (page: Page, number: number) => page.locator(`.tickets [data-number="${number}"]`);

describe("the dashboard in a real browser, against the real server", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * A dashboard of the test's own: an app whose clock stands at Monday 09:00, with 002's levels, a
   * Gold and a Bronze shop and Bronze's first ticket; a page that may reach only that app, through a
   * proxy the test can cut, its clock agreeing with the server's; and what the page sent and received.
   * Closed when the test finishes.
   */
  async function dashboard() {
    const clock = testClock(berlin(MONDAY, "09:00"));
    const closing: (() => Promise<unknown>)[] = [];
    onTestFinished(async () => {
      for (const close of closing.reverse()) await close();
    });
    const t = await startTestApp({ now: clock.now });
    closing.push(() => t.stop());
    await loadEcommerceBackoffice(t);
    for (const [number, tier] of [
      ["C-GOLD", "GOLD"],
      ["C-BRONZE", "BRONZE"],
    ] as const) {
      await createAccount(t, number, { language: "de", name: `${tier[0]}${tier.slice(1).toLowerCase()} shop` });
      await subscribeTier(t, number, tier);
    }
    const bronze: { id: string; number: number } = await createTicket(t, { customerNumber: "C-BRONZE", subject: "Bronze: export stops" });
    const proxy = await tcpProxy(t.url);
    closing.push(() => proxy.close());
    const { page, external, errors } = await offlinePage(browser, proxy.url);
    const context = page.context();
    closing.push(() => context.close());
    await context.clock.install({ time: clock.ms }); // the page's clock agrees with the server's injected one
    const graphqlPosts: string[] = [];
    /** What the page's sockets carried for the live queue: its subscribe messages' variables, the snapshots, the last cursor. */
    const queueFrames = { subscribes: [] as { after?: string }[], snapshots: 0, lastCursor: "" };
    page.on("websocket", (socket) => {
      socket.on("framesent", ({ payload }) => {
        const message = JSON.parse(String(payload));
        if (message.type === "subscribe" && message.payload.query.includes("queueChanged")) queueFrames.subscribes.push(message.payload.variables);
      });
      socket.on("framereceived", ({ payload }) => {
        const change = JSON.parse(String(payload)).payload?.data?.queueChanged;
        if (change?.kind === "SNAPSHOT") queueFrames.snapshots++;
        if (change) queueFrames.lastCursor = change.cursor;
      });
    });
    page.on("request", (request) => {
      if (request.url().endsWith("/graphql") && request.method() === "POST") graphqlPosts.push(request.postData() ?? "");
    });
    return { clock, t, proxy, context, page, external, errors, graphqlPosts, queueFrames, bronze };
  }
  type Dashboard = Awaited<ReturnType<typeof dashboard>>;

  /** Signs the page in as the administrator and waits for the live queue; marks the window, to show later that it was never reloaded. */
  async function signedIn({ page, proxy, bronze }: Dashboard) {
    await signIn(page, proxy.url, ADMIN_TOKEN);
    await eventually(() => rowNumbers(page)).toEqual([bronze.number]);
    await page.evaluate(() => ((window as any).notReloaded = true));
  }

  /** A minute later (09:01) Gold's ticket arrives, due at 13:01 after 4 working hours; once the page shows it on top. */
  async function goldArrives({ clock, t, page, bronze }: Dashboard) {
    clock.advance(60_000);
    const gold: { id: string; number: number } = await createTicket(t, { customerNumber: "C-GOLD", subject: "Gold: checkout down" });
    await eventually(() => rowNumbers(page)).toEqual([gold.number, bronze.number]);
    return gold;
  }

  /** Nothing outside the app was asked for and the page threw nothing. */
  function expectQuiet({ external, errors }: Dashboard) {
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  }

  it("signs in with a token kept in sessionStorage, never in the URL, and shows the live queue counting down", async () => {
    const d = await dashboard();
    const { page, proxy, bronze } = d;
    await signIn(page, proxy.url, ADMIN_TOKEN);
    expect(page.url()).not.toContain(ADMIN_TOKEN);
    expect(await page.evaluate(() => sessionStorage.getItem("supportclock.session"))).toContain(ADMIN_TOKEN);
    await eventually(() => rowNumbers(page)).toEqual([bronze.number]);
    const countdown = row(page, bronze.number).locator(".countdown");
    const before = await countdown.textContent();
    await eventually(() => countdown.textContent()).not.toBe(before); // ticks on the client
    expect(await row(page, bronze.number).getAttribute("data-sla")).toBe("running");
    expectQuiet(d);
  });

  it("places a ticket created through the API at its position, without reloading or refetching", async () => {
    const d = await dashboard();
    const { clock, t, page, graphqlPosts, bronze } = d;
    await signedIn(d);
    const posts = graphqlPosts.length;
    clock.advance(60_000);
    const started = Date.now();
    const gold = await createTicket(t, { customerNumber: "C-GOLD", subject: "Gold: checkout down" });
    await eventually(() => rowNumbers(page)).toEqual([gold.number, bronze.number]); // Gold outranks Bronze
    console.log(`a created ticket appeared in the browser ${Date.now() - started} ms after ticketCreate was sent`);
    clock.advance(60_000);
    const later = await createTicket(t, { customerNumber: "C-BRONZE", subject: "Bronze: later" });
    await eventually(() => rowNumbers(page)).toEqual([gold.number, bronze.number, later.number]);
    await eventually(() => page.locator('[data-count="total"]').textContent()).toBe("3");
    expect(graphqlPosts.length).toBe(posts);
    expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);

    await ticketDone(t, "ticketSolve", { ticketId: later.id });
    await eventually(() => rowNumbers(page)).toEqual([gold.number, bronze.number]);
    await eventually(() => page.locator('[data-count="total"]').textContent()).toBe("2");
    expectQuiet(d);
  });

  it("turns a breached ticket's row breached and raises one breach notice", async () => {
    const d = await dashboard();
    const { clock, t, context, page, bronze } = d;
    await signedIn(d);
    const gold = await goldArrives(d);
    clock.set(berlin(MONDAY, "13:01") + 1_000); // Gold: 4 working hours from 09:01 → due 13:01, breached after it
    await t.app.slaMonitor.tick();
    await row(page, gold.number).and(page.locator('[data-sla="breached"]')).waitFor();
    await page.locator('[data-notice="BREACHED"]').waitFor();
    expect(await page.locator('[data-notice="BREACHED"]').count()).toBe(1);
    expect(await page.locator('.feed [data-alert="WARNING"]').count()).toBe(2); // 75 % and 90 %
    await eventually(() => page.locator('[data-notice="BREACHED"]').textContent()).toContain(`#${gold.number}`);
    expect(await row(page, gold.number).locator(".sla").textContent()).toContain("Breached"); // words, not colour alone
    await eventually(() => page.locator('[data-count="breached"]').textContent()).toBe("1");
    expect(await row(page, bronze.number).getAttribute("data-sla")).not.toBe("breached");
    await context.clock.setSystemTime(clock.ms); // the browser's clock catches up: the row counts the overrun
    await eventually(() => row(page, gold.number).locator(".countdown").textContent()).toMatch(/over · first response$/);
    await screenshot(page, "queue");
    expectQuiet(d);
  });

  it("says when the socket drops, never shows stale rows as live, and resumes from its last cursor without a new snapshot", async () => {
    const d = await dashboard();
    const { clock, t, proxy, context, page, queueFrames, bronze } = d;
    await signedIn(d);
    const gold = await goldArrives(d);
    // Gold breaches (13:01): the page shows it, with the 75 % and 90 % warnings and the breach in the feed.
    clock.set(berlin(MONDAY, "13:01") + 1_000);
    await t.app.slaMonitor.tick();
    await row(page, gold.number).and(page.locator('[data-sla="breached"]')).waitFor();
    await eventually(() => page.locator(".feed [data-alert]").count()).toBe(3);
    await context.clock.setSystemTime(clock.ms);

    const { snapshots, lastCursor } = queueFrames;
    const subscribes = queueFrames.subscribes.length;
    proxy.drop();
    await page.locator('[data-link="reconnecting"]').waitFor();
    expect(await page.locator(".tickets.stale").count()).toBe(1);
    expect(await page.locator('[data-link="reconnecting"]').textContent()).toMatch(/reconnecting….*not live/);
    // While the page is cut off: a ticket arrives, one is solved, and an SLA warning fires.
    const during = await createTicket(t, { customerNumber: "C-BRONZE", subject: "Bronze: during the outage" });
    await ticketDone(t, "ticketSolve", { ticketId: bronze.id });
    clock.set(berlin("2026-03-03", "14:02")); // Tuesday: 75 % of `during`'s 12 working hours used
    expect(await t.app.slaMonitor.tick()).toBeGreaterThan(0);
    await t.app.relay.kick();
    proxy.restore();
    await page.locator('[data-link="live"]').waitFor();
    await eventually(() => rowNumbers(page)).toEqual([gold.number, during.number]);
    await eventually(() => page.locator('[data-count="total"]').textContent()).toBe("2");
    await eventually(() => page.locator('.feed [data-alert="WARNING"]').first().textContent()).toContain(`#${during.number}`);
    expect(await page.locator(".tickets.stale").count()).toBe(0);
    expect(queueFrames.subscribes.slice(subscribes)).toEqual([expect.objectContaining({ after: lastCursor })]);
    expect(queueFrames.snapshots).toBe(snapshots); // the missed changes were replayed: no snapshot refetched
    expect(await page.locator('.feed [data-alert="BREACHED"]').count()).toBe(1);
    expect(await page.locator('.feed [data-alert="WARNING"]').count()).toBe(3);
    expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);
    expectQuiet(d);
  });

  it("refetches the snapshot when it was away longer than the server keeps events (CURSOR_EXPIRED)", async () => {
    const d = await dashboard();
    const { t, proxy, page, queueFrames } = d;
    await signedIn(d);
    await goldArrives(d); // the page has a change's cursor to resume from
    const { snapshots, lastCursor } = queueFrames;
    const subscribes = queueFrames.subscribes.length;
    const before = await rowNumbers(page);
    proxy.drop();
    await page.locator('[data-link="reconnecting"]').waitFor();
    const gone = [];
    for (const subject of ["Bronze: pruned one", "Bronze: pruned two"]) gone.push(await createTicket(t, { customerNumber: "C-BRONZE", subject }));
    await t.app.relay.kick();
    expect(await t.app.relay.prune(0)).toBeGreaterThan(0); // nothing kept but the newest event
    proxy.restore();
    await page.locator('[data-link="live"]').waitFor();
    await eventually(() => rowNumbers(page)).toEqual([...before, ...gone.map((ticket) => ticket.number)]);
    expect(queueFrames.snapshots).toBe(snapshots + 1);
    const resubscribed = queueFrames.subscribes.slice(subscribes);
    expect(resubscribed).toHaveLength(2);
    expect(resubscribed[0]).toMatchObject({ after: lastCursor }); // refused: CURSOR_EXPIRED
    expect(resubscribed[1]).not.toHaveProperty("after"); // then a fresh snapshot
    expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);
    expectQuiet(d);
  });

  it("answers at the agent's desk: a Gold customer's Friday 16:00 request by Monday 12:00, and checks the PIN", async () => {
    const d = await dashboard();
    const { clock, t, context, page } = d;
    await signedIn(d);
    const friday = berlin("2026-03-06", "16:00");
    clock.set(friday);
    await context.clock.setSystemTime(friday);
    const { supportPinRotate } = dataOf(
      await t.gql(`mutation { supportPinRotate(input: { customerNumber: "C-GOLD" }) { __typename ... on SupportPinIssued { pin } } }`),
    );
    await page.getByRole("link", { name: "Agent's desk" }).click();
    const desk = page.locator("section.desk");
    await desk.getByLabel("Customer number").fill("C-GOLD");
    await desk.getByLabel("Channel").selectOption("EMAIL");
    await desk.getByLabel("Request").selectOption("TECHNICAL_QUESTION");
    await desk.getByRole("button", { name: "Look up" }).click();
    const answer = page.getByRole("article", { name: "Entitlement answer" });
    await answer.waitFor();
    expect(await answer.textContent()).toContain("is entitled to support");
    expect(await answer.locator(".promise").first().textContent()).toContain("answer by Monday 12:00");
    expect(await answer.textContent()).toContain("highest");
    await screenshot(page, "desk");

    await desk.getByLabel("Channel").selectOption("PHONE");
    await desk.getByRole("button", { name: "Look up" }).click();
    await desk.getByLabel(/Support PIN of C-GOLD/).fill(supportPinRotate.pin === "000000" ? "111111" : "000000");
    await desk.getByRole("button", { name: "Verify" }).click();
    await desk.locator(".pin [role=status]").waitFor();
    expect(await desk.locator(".pin [role=status]").textContent()).toMatch(/Wrong PIN\. \d attempts left/);
    await desk.getByLabel(/Support PIN of C-GOLD/).fill(supportPinRotate.pin);
    await desk.getByRole("button", { name: "Verify" }).click();
    await desk.getByText("PIN verified.").waitFor();
    expectQuiet(d);
  });

  it("sends the workspace, when one is entered, as X-Workspace and in connection_init", async () => {
    const d = await dashboard();
    const { t, proxy, context } = d;
    await createWorkspace(t, "acme");
    const tab = await context.newPage(); // sessionStorage is per tab: this one starts signed out
    const init = new Promise<string>((resolve) =>
      tab.on("websocket", (socket) => socket.on("framesent", (frame) => String(frame.payload).includes("connection_init") && resolve(String(frame.payload)))),
    );
    const signInRequest = tab.waitForRequest((request) => request.url().endsWith("/graphql") && request.method() === "POST");
    await signIn(tab, proxy.url, ADMIN_TOKEN, "acme");
    expect((await signInRequest).headers()["x-workspace"]).toBe("acme");
    expect(JSON.parse(await init).payload).toEqual({ authorization: `Bearer ${ADMIN_TOKEN}`, workspace: "acme" });
    await tab.close();
    expectQuiet(d);
  });
});
