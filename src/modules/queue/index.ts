/** The queue module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./queue-watch-service.ts";
export * from "./ticket-queue-service.ts";
export * from "./domain/index.ts";
export * from "./schema/queue-filter.ts";
export { resolveTicketConnection, TICKET_CONNECTION } from "./schema/ticket-connection.ts";
import "./schema/queue.ts";
import "./schema/queue-changed.ts";
