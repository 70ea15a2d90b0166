import { afterAll, describe, it } from "vitest";
import { loadEcommerceBackoffice } from "../fixtures/policies/002-ecommerce-backoffice.ts";
import { migratedServiceDatabase } from "../helpers/migrated.ts";
import { postGql } from "../helpers/gql.ts";
import { ADMIN, startService } from "../helpers/service-process.ts";
import { customers, mixedEvents, resumeAndExpect, snapshotCursor } from "../helpers/streams.ts";
import type { TestApp } from "../helpers/test-app.ts";

const over = (url: string) =>
  ({
    gql: (query: string, variables?: Record<string, unknown>, token: string | null = ADMIN) => postGql(url, query, variables, token ?? undefined),
  }) as unknown as TestApp;

describe("a live queue resumed across kill -9 of the server", () => {
  let database: Awaited<ReturnType<typeof migratedServiceDatabase>>;
  afterAll(() => database?.drop());

  it("replays what committed before the kill and after the restart, in order, then continues", async () => {
    database = await migratedServiceDatabase(); // PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR
    const { env } = database;
    const first = await startService(env);
    await loadEcommerceBackoffice(over(first.url));
    await customers(over(first.url), "C-KILL");
    const cursor = await snapshotCursor(first.url, ADMIN);
    const before = await mixedEvents(over(first.url), "C-KILL", 40);
    await first.kill9();

    const second = await startService(env);
    const after = await mixedEvents(over(second.url), "C-KILL", 40);
    const resumed = await resumeAndExpect(second.url, ADMIN, cursor, [...before, ...after]);
    resumed.queue.close();
    await resumed.client.dispose();
    await second.kill9();
  });
});
