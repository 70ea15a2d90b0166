import type { TicketStatus } from "../../ticket/domain/index.ts";
import type { SupportChannel } from "../../tier/domain/index.ts";
import type { QueueTicket } from "./queue-ticket.ts";

/**
 * Every given criterion must hold; a list matches a ticket whose value is one of its entries.
 * An absent (or null) criterion and an empty list constrain nothing. In `teamIds` and
 * `assigneeIds` a null entry matches tickets without team or assignee. `breached` / `atRisk`:
 * true keeps only such tickets, false only the others.
 */
export interface QueueFilter {
  statuses?: readonly TicketStatus[] | null;
  tierIds?: readonly (string | null)[] | null;
  priorityRanks?: readonly number[] | null;
  channels?: readonly SupportChannel[] | null;
  languages?: readonly string[] | null;
  teamIds?: readonly (string | null)[] | null;
  assigneeIds?: readonly (string | null)[] | null;
  breached?: boolean | null;
  atRisk?: boolean | null;
}

export function queueFilterMatches(filter: QueueFilter, ticket: QueueTicket): boolean {
  return (
    oneOf(filter.statuses, ticket.status) &&
    oneOf(filter.tierIds, ticket.tierId) &&
    oneOf(filter.priorityRanks, ticket.priorityRank) &&
    oneOf(filter.channels, ticket.channel) &&
    oneOf(filter.languages, ticket.language) &&
    oneOf(filter.teamIds, ticket.teamId) &&
    oneOf(filter.assigneeIds, ticket.assigneeId) &&
    flag(filter.breached, ticket.breached) &&
    flag(filter.atRisk, ticket.atRisk)
  );
}

function oneOf<T>(allowed: readonly T[] | null | undefined, value: T): boolean {
  return allowed == null || allowed.length === 0 || allowed.includes(value);
}

function flag(wanted: boolean | null | undefined, value: boolean): boolean {
  return wanted == null || wanted === value;
}
