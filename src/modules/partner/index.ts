/** The partner module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./partner-service.ts";
import "./schema/partner.ts";
