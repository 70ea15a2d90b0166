import { DomainError } from "../../../domain/errors.ts";
import type { TicketStatus } from "./status.ts";
import type { TicketEvent } from "./transition.ts";

export class InvalidTransitionError extends DomainError {
  constructor(
    readonly status: TicketStatus,
    readonly event: TicketEvent,
    reason?: string,
  ) {
    super("INVALID_TRANSITION", `Cannot apply ${event} to a ticket that is ${status}${reason ? `: ${reason}` : ""}`);
  }
}
