/** The workspace module's public API: what the server, the workers, the seed and tests use. */
export * from "./workspace-service.ts";
import "./schema/workspace.ts";
