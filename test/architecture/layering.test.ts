import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;
const SRC = join(ROOT, "src");

/** An import of one src file by another, paths relative to the repository root. */
interface Edge {
  from: string;
  to: string;
}

const SPECIFIER = /\bfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/gm;

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : files(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });

/** Every import in src/: relative ones resolved to a path, bare ones (packages, node:) as written. */
function importGraph(): Edge[] {
  return files(SRC).flatMap((file) => {
    const from = relative(ROOT, file);
    return [...readFileSync(file, "utf8").matchAll(SPECIFIER)].map((match) => {
      const specifier = (match[1] ?? match[2] ?? match[3])!;
      return { from, to: specifier.startsWith(".") ? posix.join(posix.dirname(from), specifier) : specifier };
    });
  });
}

const moduleOf = (path: string) => /^src\/modules\/([^/]+)\//.exec(path)?.[1];
const isDomain = (path: string) => /^src\/modules\/[^/]+\/domain\//.test(path) || path.startsWith("src/domain/");
/** What a module offers other folders: its API (index.ts) and its pure rules' API (domain/index.ts). */
const isPublicEntry = (path: string) => /^src\/modules\/[^/]+\/(domain\/)?index\.ts$/.test(path);
const PURE_PACKAGES = ["luxon", "date-holidays"];

/** The layering rules; each broken one is a line naming the import. */
function layeringViolations(edges: readonly Edge[]): string[] {
  return edges.flatMap(({ from, to }) => {
    const broken: string[] = [];
    const target = moduleOf(to);
    if (target && moduleOf(from) !== target && !isPublicEntry(to)) broken.push(`${from} reaches into ${to}: import the ${target} module's index.ts`);
    if (moduleOf(from) && to.startsWith("src/server/")) broken.push(`${from} imports the server (${to}): modules sit below the edge`);
    if (isDomain(from) && !(to.startsWith("src/") ? isDomain(to) : PURE_PACKAGES.includes(to))) broken.push(`${from} is a pure rule but imports ${to}`);
    return broken;
  });
}

describe("the layering of src/", () => {
  it("modules are entered through index.ts, sit below the server, and their rules import only rules", () => {
    expect(layeringViolations(importGraph())).toEqual([]);
  });

  it("reads the real import graph", () => {
    const edges = importGraph();
    expect(edges).toContainEqual({ from: "src/server/schema.ts", to: "src/modules/ticket/index.ts" });
    expect(edges).toContainEqual({ from: "src/modules/ticket/ticket-clocks.ts", to: "src/modules/sla/domain/index.ts" });
  });

  it.each([
    ["another module's internals", { from: "src/modules/booking/booking-service.ts", to: "src/modules/ledger/ledger-append.ts" }],
    ["a module's internals from outside", { from: "src/seed/seed-units.ts", to: "src/modules/ledger/ledger-append.ts" }],
    ["the server from a module", { from: "src/modules/ticket/schema/ticket.ts", to: "src/server/http-auth.ts" }],
    ["an impure file from a rule", { from: "src/modules/ticket/domain/transition.ts", to: "src/events/outbox.ts" }],
    ["a module's API from a rule", { from: "src/modules/ticket/domain/transition.ts", to: "src/modules/sla/index.ts" }],
    ["a package from a rule", { from: "src/domain/errors.ts", to: "@prisma/client" }],
  ])("flags an import of %s", (_case, edge) => {
    expect(layeringViolations([edge])).toHaveLength(1);
  });
});
