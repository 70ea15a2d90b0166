/** The sla module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./sla-alert-service.ts";
export * from "./sla-alert-sync.ts";
import "./schema/sla-alerts.ts";
