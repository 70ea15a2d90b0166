import { defineConfig } from "prisma/config";

// Only used by the Prisma CLI (generate). The service connects through driver adapters (src/db/client.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
