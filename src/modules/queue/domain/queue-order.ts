import type { QueueTicket } from "./queue-ticket.ts";

export type QueueOrderKey = Pick<QueueTicket, "id" | "createdAt" | "priorityRank" | "nextDueAt">;

/**
 * The queue order, for Array.sort: higher priority rank first (the tier's rank), then the
 * earlier due instant of a running clock (tickets without a running clock after those with
 * one), then first come, first served (createdAt, then id in code-unit order): a total order.
 */
export function queueCompare(a: QueueOrderKey, b: QueueOrderKey): number {
  return (
    b.priorityRank - a.priorityRank ||
    compareDue(a.nextDueAt, b.nextDueAt) ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function compareDue(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}
