import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DOMAIN = new URL("../../src/domain", import.meta.url).pathname;
const ALLOWED = [/^\.\.?\//, /^luxon$/, /^date-holidays$/];
const FORBIDDEN_CALLS = /Date\.now\(|new Date\(\)|DateTime\.now\(|DateTime\.local\(\)|process\.env|Math\.random\(/;

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));

describe("src/domain is a pure library", () => {
  it.each(files(DOMAIN).map((file) => [file.slice(DOMAIN.length + 1), file]))("%s imports nothing but the domain, luxon and date-holidays", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const imports = [...source.matchAll(/\bfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/gm)].map(
      (match) => (match[1] ?? match[2] ?? match[3])!,
    );
    expect(imports.filter((specifier) => !ALLOWED.some((pattern) => pattern.test(specifier)))).toEqual([]);
    expect(source).not.toMatch(FORBIDDEN_CALLS);
  });
});
