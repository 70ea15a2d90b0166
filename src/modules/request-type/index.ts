/** The request-type module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./request-type-service.ts";
export * from "./schema/request-type.ts";
