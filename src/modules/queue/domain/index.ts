export { queueCounts } from "./queue-counts.ts";
export type { QueueCounts } from "./queue-counts.ts";
export { queueFilterMatches } from "./queue-filter.ts";
export type { QueueFilter } from "./queue-filter.ts";
export { queueCompare } from "./queue-order.ts";
export type { QueueOrderKey } from "./queue-order.ts";
export { AT_RISK_FRACTION, queueSla } from "./queue-ticket.ts";
export type { QueueSla, QueueTicket } from "./queue-ticket.ts";
