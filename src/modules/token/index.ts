/** The token module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./token-service.ts";
export { withdrawBoundTokens } from "./token-withdrawal.ts";
import "./schema/api-token.ts";
import "./schema/viewer.ts";
