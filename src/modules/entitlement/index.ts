/** The entitlement module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./entitlement-service.ts";
export * from "./schema/entitlement.ts";
