import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's chromium (.ci/run installs it); playwright-core drives it without downloading a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = "test-results/screenshots";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}

/**
 * A page that may only reach the test server: any other request (a CDN, fonts) is aborted and
 * recorded in `external`, so a test can prove the page works offline. Page errors are collected too.
 */
export async function offlinePage(browser: Browser, allowed: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  const origin = new URL(allowed).host;
  await context.route(
    (url) => (url.protocol === "http:" || url.protocol === "https:") && url.host !== origin,
    (route) => {
      external.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, external, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in on /app with `token` and waits until the queue is live. */
export async function signIn(page: Page, url: string, token: string, workspace = "") {
  await page.goto(`${url}/app`);
  await page.getByLabel("API token").fill(token);
  if (workspace) await page.getByLabel(/Workspace/).fill(workspace);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator('[data-link="live"]').waitFor();
}
