/** A live queue's window on the client: the first `window` tickets in queue order, kept current by queueChanged. */

export interface SlaClock {
  kind: string;
  state: "NOT_STARTED" | "RUNNING" | "PAUSED" | "MET" | "MET_LATE" | "BREACHED";
  running: boolean;
  breached: boolean;
  dueAt: string | null;
  remainingBusinessMinutes: number | null;
}

export interface QueueTicket {
  id: string;
  number: number;
  subject: string;
  status: string;
  assigneeId: string | null;
  account: { customerNumber: string; name: string };
  tier: { code: string; name: string } | null;
  priority: { rank: number; label: string };
  atRiskAt: string | null;
  slaClocks: SlaClock[];
}

export interface QueueCounts {
  total: number;
  breached: number;
  atRisk: number;
  unassigned: number;
}

export interface QueueChange {
  kind: "SNAPSHOT" | "TICKET_ADDED" | "TICKET_UPDATED" | "TICKET_REMOVED" | "RESUMED";
  sequence: number;
  /** Where to resume from after a drop (`after:`). */
  cursor: string;
  position: number | null;
  ticket: QueueTicket | null;
  tickets: QueueTicket[];
  counts: QueueCounts;
}

export interface QueueState {
  rows: QueueTicket[];
  counts: QueueCounts;
  /** How many of the first tickets the window holds at most. */
  window: number;
  sequence: number;
}

export const QUEUE_TICKET_FIELDS = `id number subject status assigneeId atRiskAt
  account { customerNumber name } tier { code name } priority { rank label }
  slaClocks { kind state running breached dueAt remainingBusinessMinutes }`;

export function fromSnapshot(change: QueueChange, window: number): QueueState {
  return { rows: change.tickets, counts: change.counts, window: Math.max(window, change.tickets.length), sequence: change.sequence };
}

/**
 * Applies one change in place. The rows are always queue positions 1…n without gaps, so a ticket
 * reported at position p goes to index p − 1 once its old row is gone; a position past the
 * window's end is outside it (a ticket that moves out simply leaves the window).
 */
export function applyChange(state: QueueState, change: QueueChange): QueueState {
  if (change.kind === "SNAPSHOT") return fromSnapshot(change, state.window);
  const ticket = change.ticket;
  let rows = state.rows;
  if (ticket) {
    const old = rows.findIndex((row) => row.id === ticket.id);
    if (old >= 0) rows = rows.slice(0, old).concat(rows.slice(old + 1));
    const index = change.kind === "TICKET_REMOVED" || change.position === null ? -1 : change.position - 1;
    if (index >= 0 && index <= rows.length && index < state.window) {
      rows = rows === state.rows ? rows.slice() : rows;
      rows.splice(index, 0, ticket);
      if (rows.length > state.window) rows.length = state.window;
    }
  }
  return { ...state, rows, counts: change.counts, sequence: Math.max(state.sequence, change.sequence) };
}
