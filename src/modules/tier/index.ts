/** The tier module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./tier-service.ts";
export * from "./schema/tier-types.ts";
import "./schema/tier.ts";
