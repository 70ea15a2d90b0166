#!/usr/bin/env node
// Authors a new SQL migration offline: diffs prisma/schema.prisma as committed at HEAD (or empty)
// against the working copy with prisma@6.19's WASM schema engine.
// Usage: npm run migration:new -- <name>
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration:new -- <snake_case_name>");
  process.exit(2);
}
const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "migration-"));

// 6.19 wants a url line and no prisma-client generators it does not know.
const forDiff = (schema) =>
  schema.replace(/generator\s+\w+\s*\{[^}]*\}/g, "").replace(/(datasource db \{[^}]*provider\s*=\s*"postgresql")/, '$1\n  url = env("DATABASE_URL")');

let previous = 'datasource db {\n  provider = "postgresql"\n}\n';
try {
  previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
} catch {}
writeFileSync(join(work, "from.prisma"), forDiff(previous));
writeFileSync(join(work, "to.prisma"), forDiff(readFileSync(join(root, "prisma/schema.prisma"), "utf8")));

const anyFile = join(root, "package.json");
const sql = execFileSync(
  process.execPath,
  [
    join(root, "node_modules/prisma6/build/index.js"),
    "migrate",
    "diff",
    "--config",
    join(root, "scripts/migration-tool/prisma6.config.ts"),
    "--from-schema-datamodel",
    join(work, "from.prisma"),
    "--to-schema-datamodel",
    join(work, "to.prisma"),
    "--script",
  ],
  {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: "postgresql://unused@localhost/unused",
      PRISMA_QUERY_ENGINE_LIBRARY: anyFile,
      PRISMA_SCHEMA_ENGINE_BINARY: anyFile,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  },
);
if (!sql.trim() || /empty migration/i.test(sql)) {
  console.error("schema.prisma has no changes against HEAD");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql);
console.log(`wrote ${dir}/migration.sql`);
