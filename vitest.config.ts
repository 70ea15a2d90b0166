import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // One copy of graphql: Vite would otherwise load its ESM build next to the CJS one that
  // Pothos and Yoga require, and graphql refuses to mix the two.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
  test: {
    include: ["test/**/*.test.ts"],
    // Several server processes need a shared PostgreSQL and Redis; PGlite is single-process. A
    // *.pg.test.ts races several connections, which PGlite (one connection) would serialise.
    exclude: [
      ...(process.env.DATABASE_URL && process.env.REDIS_URL ? [] : ["test/multi-instance/**"]),
      ...(process.env.DATABASE_URL ? [] : ["test/**/*.pg.test.ts"]),
    ],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A worker runs its files one after the other in one module graph: the app, Prisma, Pothos and the
    // schema are imported once per worker, not once per file (most of a file's start-up). Files share
    // no state but that: each test app is built and stopped by its file, with a database of its own.
    isolate: false,
    // Files are independent (each test app has its own database), so both cores of a small machine work.
    maxWorkers: 2,
    globalSetup: ["test/global-setup.ts"],
  },
});
