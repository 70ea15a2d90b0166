import { afterAll } from "vitest";
import { shareOneDatabase } from "../../fixtures/policies/policy-app.ts";

// Every source suite, run again against ONE database that holds all five source policies, each in
// its own workspace: no rule of one source may change an answer of another. The suites register
// when imported; the shared database is set up before the first of them starts.
const database = shareOneDatabase();
afterAll(() => database.stop());

await import("./000-premium-addon.test.ts");
await import("./001-crm-addons.test.ts");
await import("./001-crm-sessions.test.ts");
await import("./002-ecommerce-backoffice.test.ts");
await import("./003-item-support.test.ts");
await import("./004-email-platform.test.ts");
