import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readmeExamples } from "../../src/server/graphiql-page.ts";
import { launchBrowser, offlinePage } from "../helpers/browser.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

describe("GraphiQL works offline", () => {
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

  it("renders from the service's own assets with the README's examples as tabs and a placeholder Authorization header", async () => {
    const examples = readmeExamples(readFileSync("README.md", "utf8"));
    expect(examples.length).toBeGreaterThan(5);
    const { page, external, errors } = await offlinePage(browser, t.url);
    await page.goto(`${t.url}/graphql`);
    await page.locator(".graphiql-tab").first().waitFor();
    expect(await page.locator(".graphiql-tab").count()).toBe(examples.length);
    const firstField = /\{\s*(\w+)/.exec(examples[0]!)![1]!;
    await page.locator(".graphiql-query-editor").getByText(firstField).first().waitFor(); // the first example
    await page.getByText("Bearer <your API token>").first().waitFor(); // the headers editor
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
