/** The ledger module's public API: what other modules, the server, the workers, the seed and tests use. */
export type { LedgerWrite } from "./ledger-append.ts";
export * from "./ledger-service.ts";
export * from "./low-balance-alert-service.ts";
export * from "./unit-package-service.ts";
import "./schema/unit-package.ts";
import "./schema/unit-ledger.ts";
import "./schema/unit-ledger-write.ts";
import "./schema/unit-balance-low.ts";
