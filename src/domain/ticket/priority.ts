export const TICKET_PRIORITIES = ["LOW", "MEDIUM", "HIGH", "HIGHEST"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Higher rank = more urgent, served first: HIGHEST 4 … LOW 1 (002: Bronze medium, Silver high, Gold highest). */
export const PRIORITY_RANK: Readonly<Record<TicketPriority, number>> = { LOW: 1, MEDIUM: 2, HIGH: 3, HIGHEST: 4 };
