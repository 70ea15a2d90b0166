/** The queue rules other modules may use (pure: under the purity guard). */
export { normaliseFilter, type TicketFilter } from "./ticket-filter.ts";
export { changeMayConcern, queueKeyCompare, type QueueKey, ticketEntersList, type TicketListShown, type TicketPlace } from "./membership.ts";
