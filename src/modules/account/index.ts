/** The account module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./account-lookup.ts";
export * from "./account-service.ts";
export * from "./schema/account.ts";
import "./schema/account-changed.ts";
