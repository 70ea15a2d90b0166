/** The subscription module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./tier-subscription-service.ts";
import "./schema/tier-subscription.ts";
