import { afterAll } from "vitest";
import { shareOneDatabase } from "../../fixtures/policies/policy-app.ts";

// Every source suite, run again against ONE database that holds all five source policies, each in
// its own workspace: no rule of one source may change an answer of another. The suites register
// when imported; the shared database is set up before the first of them starts.
const database = shareOneDatabase();
afterAll(() => database.stop());

// A query of its own makes each a module of this file's: a worker that ran (or will run) a suite's
// own file (vitest isolate: false shares modules between files) evaluates it here again.
for (const suite of ["000-premium-addon", "001-crm-addons", "001-crm-sessions", "002-ecommerce-backoffice", "003-item-support", "004-email-platform"]) {
  await import(`./${suite}.test.ts?all-in-one`);
}
