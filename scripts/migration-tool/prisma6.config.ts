// Config for the prisma@6.19 dev tool (alias "prisma6"), whose WASM schema engine can diff two
// schema files offline. Used only by scripts/migration-new.mjs.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma6/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPGlite(new PGlite()) as never,
} as never);
