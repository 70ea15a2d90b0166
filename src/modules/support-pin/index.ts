/** The support-pin module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./support-pin-service.ts";
import "./schema/support-pin.ts";
