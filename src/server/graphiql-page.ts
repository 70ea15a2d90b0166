import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { GraphiQLOptions } from "graphql-yoga";

const README = fileURLToPath(new URL("../../README.md", import.meta.url));
const HEADERS = JSON.stringify({ Authorization: "Bearer <your API token>" }, null, 2);

/** The README's ```graphql examples, so GraphiQL opens with the operations the README explains. */
export function readmeExamples(markdown: string): string[] {
  return [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!.trim());
}

/**
 * GraphiQL's options: its assets come from @graphql-yoga/render-graphiql (inlined into the page,
 * so it works offline), one tab per README example, and a headers editor with a placeholder token.
 */
export function graphiqlOptions(): GraphiQLOptions {
  let examples: string[] = [];
  try {
    examples = readmeExamples(readFileSync(README, "utf8"));
  } catch {
    // a deployment without the README still gets GraphiQL, just without the example tabs
  }
  return {
    title: "supportclock",
    subscriptionsProtocol: "WS",
    headers: HEADERS,
    defaultHeaders: HEADERS,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: "headers",
    ...(examples.length ? { defaultQuery: examples[0], defaultTabs: examples.map((query) => ({ query, headers: HEADERS })) } : {}),
  };
}

/** Yoga's renderGraphiQL with every asset inlined (about 9 MB), rendered once. */
export function renderOfflineGraphiQL(): (options: GraphiQLOptions) => string {
  let page: string | undefined;
  return (options) => (page ??= renderGraphiQL(options));
}
