import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src", import.meta.url).pathname;
const MODULES = join(SRC, "modules");
/** The shared rules (errors, money) and every module's pure rules. */
const DOMAINS = [join(SRC, "domain"), ...readdirSync(MODULES).map((module) => join(MODULES, module, "domain")).filter((dir) => existsSync(dir))];
const ALLOWED = [/^\.\.?\//, /^luxon$/, /^date-holidays$/];
const FORBIDDEN_CALLS = /Date\.now\(|new Date\(\)|DateTime\.now\(|DateTime\.local\(\)|process\.env|Math\.random\(/;

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));

describe("src/domain and src/modules/*/domain are a pure library", () => {
  it.each(DOMAINS.flatMap(files).map((file) => [file.slice(SRC.length + 1), file]))("%s imports nothing but the domain, luxon and date-holidays", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const imports = [...source.matchAll(/\bfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/gm)].map(
      (match) => (match[1] ?? match[2] ?? match[3])!,
    );
    expect(imports.filter((specifier) => !ALLOWED.some((pattern) => pattern.test(specifier)))).toEqual([]);
    expect(source).not.toMatch(FORBIDDEN_CALLS);
  });
});
