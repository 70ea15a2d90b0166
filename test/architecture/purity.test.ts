import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src", import.meta.url).pathname;
const MODULES = join(SRC, "modules");
/** The shared rules (errors, money) and every module's pure rules. */
const DOMAINS = [
  join(SRC, "domain"),
  ...readdirSync(MODULES)
    .map((module) => join(MODULES, module, "domain"))
    .filter((dir) => existsSync(dir)),
];
const PACKAGES = new Set(["luxon", "date-holidays"]);
/** Reading the clock, the environment or chance: a rule is given the instant (and everything else) it needs. */
const FORBIDDEN_CALLS = /Date\.now\(|new Date\(\s*\)|DateTime\.(now|local|utc)\(\s*\)|performance\.now\(|process\.(env|hrtime)|Math\.random\(|crypto\./;

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));

const importsOf = (source: string): string[] =>
  [...source.matchAll(/\bfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']/gm)].map(
    (match) => (match[1] ?? match[2] ?? match[3] ?? match[4])!,
  );

const inADomain = (path: string): boolean => DOMAINS.some((domain) => path === domain || path.startsWith(`${domain}/`));

/** What makes `source` (at `file`) impure: imports that leave the domain folders or name another package, and clock/env reads. */
export function impurities(file: string, source: string): string[] {
  const imports = importsOf(source).filter((specifier) =>
    specifier.startsWith(".") ? !inADomain(resolve(dirname(file), specifier)) : !PACKAGES.has(specifier),
  );
  const calls = [...source.matchAll(new RegExp(FORBIDDEN_CALLS, "g"))].map((match) => match[0]);
  return [...imports, ...calls];
}

describe("src/domain and src/modules/*/domain are a pure library", () => {
  it.each(DOMAINS.flatMap(files).map((file) => [file.slice(SRC.length + 1), file]))(
    "%s imports nothing but the domain, luxon and date-holidays, and reads no clock",
    (_name, file) => {
      expect(impurities(file, readFileSync(file, "utf8"))).toEqual([]);
    },
  );

  const ruleFile = join(MODULES, "ticket", "domain", "rule.ts");
  it.each([
    ["a service of its own module", `import { x } from "../ticket-service.ts";`],
    ["the generated Prisma client", `import type { Ticket } from "../../../generated/prisma/client.ts";`],
    ["another module's service", `import { y } from "../../sla/sla-service.ts";`],
    ["a package other than luxon and date-holidays", `import pg from "pg";`],
    ["a node built-in", `import { readFileSync } from "node:fs";`],
    ["the clock through luxon", `const now = DateTime.utc();`],
    ["the clock through luxon in a zone", `const now = DateTime.now().setZone("Europe/Berlin");`],
    ["the clock through Date", `const now = new Date();`],
    ["the clock through Date.now", `const ms = Date.now();`],
    ["the environment", `const zone = process.env.TZ;`],
  ])("would catch %s", (_name, source) => {
    expect(impurities(ruleFile, source)).not.toEqual([]);
  });

  it.each([
    ["another domain folder", `import { money } from "../../../domain/money.ts";`],
    ["a sibling rule", `import { due } from "./due.ts";`],
    ["a given instant", `const at = DateTime.fromISO(iso, { zone }); const d = new Date(ms); const u = DateTime.utc(2026, 3, 29);`],
  ])("accepts %s", (_name, source) => {
    expect(impurities(ruleFile, source)).toEqual([]);
  });
});
