import type { Viewer } from "../../auth/viewer.ts";
import { ConflictError, ValidationError } from "../../domain/errors.ts";
import type { TicketEvent, TicketStatus } from "./domain/index.ts";
import { type ClockState, type ClockTarget, clockTargetsOf, firstHistory, intakeInput, newClock } from "./domain/index.ts";
import type { TicketChanges, TicketPlan, TicketQuery } from "./ticket-change.ts";
import { unchanged } from "./ticket-change.ts";
import { newClockId } from "./ticket-clocks.ts";
import type { TierService } from "../tier/index.ts";

/** Status changes by an event of their own; replies and information have their own operations. */
export const STATUS_EVENTS = ["awaitCustomer", "hold", "resume", "solve", "close", "reopen"] as const satisfies readonly TicketEvent[];
export type StatusEvent = (typeof STATUS_EVENTS)[number];
/** What the customer (or its partner) may do besides replying: give up a ticket, or reopen it. */
const CUSTOMER_EVENTS: ReadonlySet<StatusEvent> = new Set(["close", "reopen"]);

const MAX_BODY = 50_000;
const MAX_ASSIGNEE = 100;

export interface TicketReplyInput {
  ticketId: string;
  body: string;
  /** false: an internal note the customer never sees */
  public: boolean;
}

export interface TicketAssignInput {
  ticketId: string;
  /** absent keeps, null clears */
  assigneeId?: string | null;
  teamId?: string | null;
}

/** Replies, notes, status changes, assignment and tier changes: every one through TicketChanges. */
export class TicketLifecycleService {
  constructor(
    private readonly changes: TicketChanges,
    private readonly tiers: TierService,
  ) {}

  /** An agent's public reply (meets a pending first or next response) or internal note. */
  reply(viewer: Viewer, input: TicketReplyInput, query: TicketQuery = {}) {
    const body = intakeInput.text("body", input.body, MAX_BODY);
    if (!input.public)
      return this.changes.apply(
        viewer,
        input.ticketId,
        (context) => ({ ...unchanged(context), message: { kind: "INTERNAL_NOTE", body } }),
        { staffOnly: true },
        query,
      );
    const plan = this.changes.transition("agentPublicReply", { message: { kind: "PUBLIC_REPLY", body } });
    return this.changes.apply(viewer, input.ticketId, plan, { staffOnly: true }, query);
  }

  /** The customer's reply: resumes a ticket waiting on them, starts a next-response clock, reopens a solved one. */
  customerReply(viewer: Viewer, input: { ticketId: string; body: string }, query: TicketQuery = {}) {
    const body = intakeInput.text("body", input.body, MAX_BODY);
    const plan = this.changes.transition("customerReply", { message: { kind: "CUSTOMER_REPLY", body } });
    return this.changes.apply(viewer, input.ticketId, plan, { staffOnly: false }, query);
  }

  statusChange(viewer: Viewer, event: StatusEvent, input: { ticketId: string }, query: TicketQuery = {}) {
    return this.changes.apply(viewer, input.ticketId, this.changes.transition(event), { staffOnly: !CUSTOMER_EVENTS.has(event) }, query);
  }

  assign(viewer: Viewer, input: TicketAssignInput, query: TicketQuery = {}) {
    const assigneeId = optionalId("assigneeId", input.assigneeId);
    const teamId = optionalId("teamId", input.teamId);
    const data = { ...(assigneeId !== undefined ? { assigneeId } : {}), ...(teamId !== undefined ? { teamId } : {}) };
    const plan = (context: Parameters<typeof unchanged>[0]): TicketPlan => {
      assertNotClosed(context.ticket.status);
      return { ...unchanged(context), data, history: { kind: "ASSIGNED", data } };
    };
    return this.changes.apply(viewer, input.ticketId, plan, { staffOnly: true }, query);
  }

  /**
   * Re-targets the ticket to another tier: clocks of kinds both tiers have keep their history
   * (elapsed business time counts on in the new target, clock and calendar), kinds only the new
   * tier has start now, kinds it lacks are retired. Priority follows the tier. Recorded as
   * TIER_CHANGED with the targets before and after.
   */
  async tierChange(viewer: Viewer, input: { ticketId: string; tierCode: string; onlyIfDifferent?: boolean }, query: TicketQuery = {}) {
    const tier = await this.tiers.requireRow("tierCode", input.tierCode);
    const targets: ClockTarget[] = clockTargetsOf(tier);
    const plan = (context: Parameters<typeof unchanged>[0]): TicketPlan => {
      const { ticket, states, at } = context;
      if (input.onlyIfDifferent && ticket.tierId === tier.id) return unchanged(context);
      if (ticket.kind === "PAID_OFFER") throw new ValidationError("ticketId", "A request for a paid offer has no support level to change");
      assertNotClosed(ticket.status);
      const current = new Map(states.map((state) => [state.target.kind, state]));
      const next = targets.map((target): ClockState => {
        const state = current.get(target.kind);
        return state ? { ...state, target, changed: true } : newClock(newClockId(), target, firstHistory(target.kind, ticket.status, at));
      });
      const kept = new Set(targets.map((target) => target.kind));
      return {
        ...unchanged(context),
        states: next,
        replaced: states.filter((state) => !kept.has(state.target.kind)).map((state) => state.id),
        data: { tierId: tier.id, priorityRank: tier.priorityRank, priorityLabel: tier.priorityLabel },
        history: {
          kind: "TIER_CHANGED",
          data: { fromTierId: ticket.tierId, toTierId: tier.id, toTierCode: tier.code, before: states.map((state) => state.target), after: targets },
        },
      };
    };
    return this.changes.apply(viewer, input.ticketId, plan, { staffOnly: true, calendarIds: targets.map((target) => target.calendarId) }, query);
  }
}

function optionalId(field: string, value: string | null | undefined): string | null | undefined {
  if (value == null) return value;
  return intakeInput.text(field, value, MAX_ASSIGNEE);
}

function assertNotClosed(status: TicketStatus): void {
  if (status === "CLOSED") throw new ConflictError("ticketId", "The ticket is closed, and a closed ticket is final");
}
