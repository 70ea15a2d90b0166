import type { SlaClockStatus } from "../../sla/domain/index.ts";
import type { TicketStatus } from "../../ticket/domain/index.ts";
import type { SupportChannel } from "../../tier/domain/index.ts";

/** An SLA clock counts as at risk from this elapsed fraction on, until it breaches. */
export const AT_RISK_FRACTION = 0.75;

/** What a queue knows of its tickets' clocks at one instant. */
export interface QueueSla {
  /** the earliest due instant of the running clocks (overdue ones included); null: none running */
  nextDueAt: number | null;
  /** a clock is BREACHED (due passed, not met) */
  breached: boolean;
  /** a clock not met and not breached has used at least AT_RISK_FRACTION of its budget */
  atRisk: boolean;
}

/** A ticket as queues order, filter and count it. */
export interface QueueTicket extends QueueSla {
  id: string;
  createdAt: number;
  status: TicketStatus;
  /** the tier's priority rank: higher is more urgent */
  priorityRank: number;
  tierId: string | null;
  channel: SupportChannel;
  language: string;
  teamId: string | null;
  assigneeId: string | null;
}

/** Summarises a ticket's current clocks, each from slaClockStatus at the same `now`. */
export function queueSla(clocks: readonly SlaClockStatus[]): QueueSla {
  const dues = clocks.flatMap((clock) => (clock.running && clock.dueAt !== null ? [clock.dueAt] : []));
  return {
    nextDueAt: dues.length === 0 ? null : Math.min(...dues),
    breached: clocks.some((clock) => clock.state === "BREACHED"),
    atRisk: clocks.some((clock) => (clock.state === "RUNNING" || clock.state === "PAUSED") && clock.elapsedFraction >= AT_RISK_FRACTION),
  };
}
