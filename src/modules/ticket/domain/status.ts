export const TICKET_STATUSES = ["NEW", "AWAITING_INFORMATION", "OPEN", "AWAITING_CUSTOMER", "ON_HOLD", "SOLVED", "CLOSED"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses of tickets still being worked on: what queues show by default. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ["NEW", "AWAITING_INFORMATION", "OPEN", "AWAITING_CUSTOMER", "ON_HOLD"];
