import { DomainError } from "../../../domain/errors.ts";
import type { SlaClock, SlaClockStatus } from "../../sla/domain/index.ts";
import { slaClockHistoryAt, slaClockResume, slaClockStatus } from "../../sla/domain/index.ts";
import type { SupportChannel } from "../../tier/domain/index.ts";

/** 004: after opening a ticket, wait for its response time before escalating the matter by chat or phone. */
export const ESCALATION_CHANNELS: readonly SupportChannel[] = ["CHAT", "PHONE"];

export class TooEarlyToEscalateError extends DomainError {
  /** `allowedAt`: from when the contact is allowed; null while that is not known yet (the clock has not started) */
  constructor(readonly allowedAt: number | null) {
    super(
      "TOO_EARLY_TO_ESCALATE",
      allowedAt === null
        ? "The open ticket's response time has not started yet (it awaits required information); please complete the ticket instead"
        : `The open ticket's response time runs until ${new Date(allowedAt).toISOString()}; please wait for it before escalating by chat or phone`,
      "channel",
    );
  }
}

/**
 * A chat or phone contact about a matter with an open ticket is allowed once that ticket's
 * first response is met or its due instant has passed (at the due instant itself: allowed).
 * Throws TooEarlyToEscalateError otherwise: with the due instant while the clock runs, the due
 * instant if it resumed now while it is paused, null before the clock has started.
 */
export function assertEscalationAllowed(channel: SupportChannel, openTicketFirstResponse: SlaClock | null, now: number): void {
  if (!ESCALATION_CHANNELS.includes(channel) || openTicketFirstResponse === null) return;
  const status = slaClockStatus(openTicketFirstResponse, now);
  switch (status.state) {
    case "MET":
    case "MET_LATE":
    case "BREACHED":
      return;
    case "NOT_STARTED":
      throw new TooEarlyToEscalateError(null);
    case "RUNNING":
      if (dueReached(status, now)) return;
      throw new TooEarlyToEscalateError(status.dueAt);
    case "PAUSED": {
      const resumed = slaClockResume(slaClockHistoryAt(openTicketFirstResponse.history, now), now);
      const ifResumed = slaClockStatus({ ...openTicketFirstResponse, history: resumed }, now);
      if (!dueReached(ifResumed, now)) throw new TooEarlyToEscalateError(ifResumed.dueAt);
    }
  }
}

/** Escalation waits for the due instant itself, which is still on time for the reply (due-rule.ts). */
const dueReached = (status: SlaClockStatus, now: number) => status.dueAt !== null && status.dueAt <= now;
