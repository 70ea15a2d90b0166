import { TICKET_STATUSES } from "../../ticket/domain/index.ts";
import type { TicketStatus } from "../../ticket/domain/index.ts";
import type { QueueTicket } from "./queue-ticket.ts";

export interface QueueCounts {
  total: number;
  /** every status present, 0 when none */
  byStatus: Record<TicketStatus, number>;
  breached: number;
  atRisk: number;
  unassigned: number;
}

export function queueCounts(tickets: readonly QueueTicket[]): QueueCounts {
  const byStatus = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<TicketStatus, number>;
  let [breached, atRisk, unassigned] = [0, 0, 0];
  for (const ticket of tickets) {
    byStatus[ticket.status] += 1;
    if (ticket.breached) breached += 1;
    if (ticket.atRisk) atRisk += 1;
    if (ticket.assigneeId === null) unassigned += 1;
  }
  return { total: tickets.length, byStatus, breached, atRisk, unassigned };
}
