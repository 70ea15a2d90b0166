import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataOf, postGql } from "../helpers/gql.ts";
import { migratedDataDir } from "../helpers/migrated.ts";
import { ADMIN, runUntilExit, startService } from "../helpers/service-process.ts";

describe("one process per embedded database (PGlite DATA_DIR)", () => {
  it("refuses a second process on a DATA_DIR in use, in one line naming the owner; takes over the lock of a killed owner; frees it on SIGTERM", async () => {
    const dataDir = migratedDataDir();
    const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined };
    const lock = join(dataDir, "supportclock.lock");
    const first = await startService(env);
    expect(readFileSync(lock, "utf8").trim()).toBe(String(first.child.pid));
    dataOf(await postGql(first.url, `mutation { accountCreate(input: { customerNumber: "C-OWNER-1", name: "First" }) { __typename } }`, {}, ADMIN));

    const second = await runUntilExit(env);
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split("\n")).toEqual([
      `supportclock: cannot start: DATA_DIR ${dataDir} is in use by process ${first.child.pid} (${lock}): the embedded database serves one process; stop that one first, or run several instances on PostgreSQL (DATABASE_URL)`,
    ]);
    // the owner was not disturbed
    expect(dataOf(await postGql(first.url, `{ account(customerNumber: "C-OWNER-1") { name } }`, {}, ADMIN)).account.name).toBe("First");

    await first.kill9(); // no shutdown code runs: the lock stays behind, naming a process that is gone
    expect(readFileSync(lock, "utf8").trim()).toBe(String(first.child.pid));
    const third = await startService(env);
    expect(readFileSync(lock, "utf8").trim()).toBe(String(third.child.pid));
    expect(dataOf(await postGql(third.url, `{ account(customerNumber: "C-OWNER-1") { name } }`, {}, ADMIN)).account.name).toBe("First");
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});
