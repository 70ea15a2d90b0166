/** The ticket module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./ticket-access.ts";
export { CURRENT_CLOCKS } from "./ticket-clocks.ts";
export * from "./ticket-change.ts";
export * from "./ticket-intake-service.ts";
export * from "./ticket-lifecycle-service.ts";
export * from "./ticket-read-service.ts";
export * from "./ticket-report-service.ts";
export * from "./ticket-work-service.ts";
export * from "./schema/ticket-types.ts";
export { TicketNode } from "./schema/ticket.ts";
import "./schema/ticket-intake.ts";
import "./schema/ticket-lifecycle.ts";
import "./schema/ticket-work.ts";
import "./schema/sla-report.ts";
