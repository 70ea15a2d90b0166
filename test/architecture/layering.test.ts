import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;
const SRC = join(ROOT, "src");

/** An import of one src file by another, paths relative to the repository root. */
interface Edge {
  from: string;
  to: string;
  /** `import type`, or every name imported `type` (gone at run time) */
  typeOnly?: boolean;
}

const SPECIFIER = /^\s*(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/gm;

const onlyTypes = (clause: string) => {
  const names = /^\{([^}]*)\}$/
    .exec(clause.trim())?.[1]
    ?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return names !== undefined && names.length > 0 && names.every((name) => name.startsWith("type "));
};

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
      const specifier = (match[3] ?? match[4] ?? match[5])!;
      const typeOnly = match[1] !== undefined || (match[2] !== undefined && onlyTypes(match[2]));
      return { from, to: specifier.startsWith(".") ? posix.join(posix.dirname(from), specifier) : specifier, typeOnly };
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

/**
 * The import cycles among src/ files (type-only imports count: a cycle of types is still two
 * files that cannot be understood, or moved, one without the other), each as its files in a ring.
 */
function importCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) if (to.startsWith("src/")) next.set(from, (next.get(from) ?? new Set()).add(to));
  // Tarjan's strongly connected components: every component of more than one file holds a cycle
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || next.get(file)?.has(file)) cycles.push(component.sort());
  };
  for (const file of [...next.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles;
}

describe("the layering of src/", () => {
  it("modules are entered through index.ts, sit below the server, and their rules import only rules", () => {
    expect(layeringViolations(importGraph())).toEqual([]);
  });

  it("has no import cycle at run time", () => {
    expect(importCycles(importGraph().filter((edge) => !edge.typeOnly))).toEqual([]);
  });

  // The one cycle of types left is Pothos's: the builder is typed with the GraphQL context, the
  // context with the services, and every module's index.ts also registers its schema on the builder.
  const CONTEXT_SERVICES = { from: "src/graphql/context.ts", to: "src/modules/registry.ts" };
  it("has no cycle of type-only imports but the GraphQL context's services type", () => {
    const graph = importGraph();
    expect(graph).toContainEqual({ ...CONTEXT_SERVICES, typeOnly: true });
    expect(importCycles(graph.filter((edge) => edge.from !== CONTEXT_SERVICES.from || edge.to !== CONTEXT_SERVICES.to))).toEqual([]);
  });

  it.each([
    [
      "two files",
      [
        { from: "src/a.ts", to: "src/b.ts" },
        { from: "src/b.ts", to: "src/a.ts" },
      ],
      [["src/a.ts", "src/b.ts"]],
    ],
    [
      "a ring of three, beside a chain",
      [
        { from: "src/a.ts", to: "src/b.ts" },
        { from: "src/b.ts", to: "src/c.ts" },
        { from: "src/c.ts", to: "src/a.ts" },
        { from: "src/c.ts", to: "src/d.ts" },
      ],
      [["src/a.ts", "src/b.ts", "src/c.ts"]],
    ],
    ["a file importing itself", [{ from: "src/a.ts", to: "src/a.ts" }], [["src/a.ts"]]],
    [
      "none in a diamond",
      [
        { from: "src/a.ts", to: "src/b.ts" },
        { from: "src/a.ts", to: "src/c.ts" },
        { from: "src/b.ts", to: "src/d.ts" },
        { from: "src/c.ts", to: "src/d.ts" },
      ],
      [],
    ],
  ])("finds the cycles of %s", (_case, edges, cycles) => {
    expect(importCycles(edges)).toEqual(cycles);
  });

  it("reads the real import graph", () => {
    const edges = importGraph();
    expect(edges).toContainEqual({ from: "src/server/schema.ts", to: "src/modules/ticket/index.ts", typeOnly: false });
    expect(edges).toContainEqual({ from: "src/modules/ticket/ticket-clocks.ts", to: "src/modules/sla/domain/index.ts", typeOnly: false });
    expect(edges).toContainEqual({ from: "src/modules/ticket/ticket-clocks.ts", to: "src/events/outbox.ts", typeOnly: true });
    expect(edges).toContainEqual({ from: "src/modules/ticket/ticket-change.ts", to: "src/modules/ticket/domain/index.ts", typeOnly: false });
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
