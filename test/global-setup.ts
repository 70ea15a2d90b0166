import type { TestProject } from "vitest/node";
import { makeDatabaseImage } from "./helpers/database-image.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteImage: string | undefined;
    pgliteDataDir: string | undefined;
    postgresTemplate: string | undefined;
  }
}

/** One migrated database per run, which every test app copies (test/helpers/test-app.ts). */
export default async function setup(project: TestProject) {
  const image = await makeDatabaseImage(process.env.DATABASE_URL);
  project.provide("pgliteImage", image.pgliteImage);
  project.provide("pgliteDataDir", image.pgliteDataDir);
  project.provide("postgresTemplate", image.postgresTemplate);
  return () => image.remove();
}
