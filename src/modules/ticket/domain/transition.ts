import { DomainError, ValidationError } from "../../../domain/errors.ts";
import type { SlaClockAction, SlaClockPhase, SlaTargetKind } from "../../sla/domain/index.ts";
import { SLA_TARGET_KINDS } from "../../sla/domain/index.ts";
import type { TicketStatus } from "./status.ts";

export const TICKET_EVENTS = [
  "informationCompleted",
  "agentPublicReply",
  "customerReply",
  "awaitCustomer",
  "hold",
  "resume",
  "solve",
  "close",
  "reopen",
] as const;
export type TicketEvent = (typeof TICKET_EVENTS)[number];

/** What the lifecycle needs to know of a ticket. */
export interface TicketLifecycle {
  status: TicketStatus;
  /** when it was last solved; needed in SOLVED for the reopen window */
  solvedAt: number | null;
  /** phase of the current clock of each target kind the ticket's tier has; kinds without a target are absent */
  clocks: Partial<Record<SlaTargetKind, SlaClockPhase>>;
}

export interface TicketSettings {
  /** a SOLVED ticket may be reopened while now < solvedAt + this many (calendar) minutes */
  reopenWindowMinutes: number;
}

/** START begins a new clock of that kind; the others change the current one (see slaClockApply). */
export interface ClockEffect {
  kind: SlaTargetKind;
  action: SlaClockAction;
}

export interface TicketTransition {
  status: TicketStatus;
  solvedAt: number | null;
  /** in the order to apply them */
  effects: ClockEffect[];
}

/** Where each event may happen and where it leads; SOLVED → OPEN by customerReply is a reopen. */
const TARGETS: Record<TicketEvent, Partial<Record<TicketStatus, TicketStatus>>> = {
  informationCompleted: { AWAITING_INFORMATION: "NEW" },
  agentPublicReply: { AWAITING_INFORMATION: "AWAITING_INFORMATION", NEW: "OPEN", OPEN: "OPEN", AWAITING_CUSTOMER: "AWAITING_CUSTOMER", ON_HOLD: "ON_HOLD" },
  customerReply: { AWAITING_INFORMATION: "AWAITING_INFORMATION", NEW: "NEW", OPEN: "OPEN", AWAITING_CUSTOMER: "OPEN", ON_HOLD: "ON_HOLD", SOLVED: "OPEN" },
  awaitCustomer: { NEW: "AWAITING_CUSTOMER", OPEN: "AWAITING_CUSTOMER", ON_HOLD: "AWAITING_CUSTOMER" },
  hold: { NEW: "ON_HOLD", OPEN: "ON_HOLD", AWAITING_CUSTOMER: "ON_HOLD" },
  resume: { AWAITING_CUSTOMER: "OPEN", ON_HOLD: "OPEN" },
  solve: { NEW: "SOLVED", OPEN: "SOLVED", AWAITING_CUSTOMER: "SOLVED", ON_HOLD: "SOLVED" },
  close: { AWAITING_INFORMATION: "CLOSED", SOLVED: "CLOSED" },
  reopen: { SOLVED: "OPEN" },
};

/** Clocks do not run in these: waiting on the customer, and solved (or closed) without a response given. */
const PAUSING: ReadonlySet<TicketStatus> = new Set(["AWAITING_CUSTOMER", "SOLVED", "CLOSED"]);
const PENDING: ReadonlySet<SlaClockPhase | undefined> = new Set(["RUNNING", "PAUSED"]);
/** the targets an event meets when they are pending */
const MEETS: Record<TicketEvent, SlaTargetKind[]> = {
  informationCompleted: [],
  agentPublicReply: ["FIRST_RESPONSE", "NEXT_RESPONSE"],
  customerReply: [],
  awaitCustomer: [],
  hold: [],
  resume: [],
  solve: ["RESOLUTION"],
  close: [],
  reopen: [],
};

/**
 * A new ticket: complete information makes it NEW and starts its FIRST_RESPONSE and RESOLUTION
 * clocks at once; otherwise it is AWAITING_INFORMATION and no clock starts.
 */
export function ticketCreation(targetKinds: readonly SlaTargetKind[], informationComplete: boolean): TicketTransition {
  if (!informationComplete) return { status: "AWAITING_INFORMATION", solvedAt: null, effects: [] };
  return { status: "NEW", solvedAt: null, effects: startEffects(targetKinds) };
}

/**
 * The lifecycle as one pure function. Clock effects, in this order:
 * - informationCompleted starts FIRST_RESPONSE and RESOLUTION;
 * - agentPublicReply meets a pending (running or paused) FIRST_RESPONSE and NEXT_RESPONSE;
 * - solve meets RESOLUTION;
 * - entering AWAITING_CUSTOMER or SOLVED pauses the running clocks, leaving them resumes the
 *   paused ones (ON_HOLD pauses nothing); reopen (or a customer reply to a SOLVED ticket within
 *   the window) withdraws RESOLUTION's met mark, the solved time counting as a pause;
 * - customerReply starts a new NEXT_RESPONSE clock unless one is pending (the oldest unanswered
 *   message counts) or FIRST_RESPONSE is still pending.
 * Throws InvalidTransitionError (INVALID_TRANSITION) naming the current status.
 */
export function ticketTransition(ticket: TicketLifecycle, event: TicketEvent, now: number, settings: TicketSettings): TicketTransition {
  if (!TICKET_EVENTS.includes(event)) throw new ValidationError("event", `event must be one of ${TICKET_EVENTS.join(", ")}`);
  const from = ticket.status;
  const to = TARGETS[event][from];
  if (to === undefined) throw new InvalidTransitionError(from, event, from === "CLOSED" ? "a closed ticket is final" : undefined);
  const reopening = from === "SOLVED" && to === "OPEN";
  if (reopening) checkReopenWindow(ticket, event, now, settings);

  const phases = ticket.clocks;
  const kinds = kindsOf(phases);
  const pending = (kind: SlaTargetKind) => PENDING.has(phases[kind]);
  const effect =
    (action: SlaClockAction) =>
    (kind: SlaTargetKind): ClockEffect => ({ kind, action });
  const met = MEETS[event].filter(pending);
  const nextResponse =
    event === "customerReply" && to !== "AWAITING_INFORMATION" && phases.NEXT_RESPONSE !== undefined && !pending("NEXT_RESPONSE") && !pending("FIRST_RESPONSE");
  const effects: ClockEffect[] = [
    ...(event === "informationCompleted" ? startEffects(kinds) : []),
    ...met.map(effect("MEET")),
    ...(!PAUSING.has(from) && PAUSING.has(to) ? kinds.filter((kind) => phases[kind] === "RUNNING" && !met.includes(kind)).map(effect("PAUSE")) : []),
    ...(reopening && phases.RESOLUTION === "MET" ? [effect("REOPEN")("RESOLUTION")] : []),
    ...(PAUSING.has(from) && !PAUSING.has(to) ? kinds.filter((kind) => phases[kind] === "PAUSED").map(effect("RESUME")) : []),
    ...(nextResponse ? [effect("START")("NEXT_RESPONSE")] : []),
  ];
  return { status: to, solvedAt: to === "SOLVED" ? now : reopening ? null : ticket.solvedAt, effects };
}

function checkReopenWindow(ticket: TicketLifecycle, event: TicketEvent, now: number, settings: TicketSettings): void {
  const minutes = settings.reopenWindowMinutes;
  if (!Number.isInteger(minutes) || minutes < 0) throw new ValidationError("reopenWindowMinutes", "reopenWindowMinutes must be a whole number ≥ 0");
  if (ticket.solvedAt === null) throw new ValidationError("solvedAt", "solvedAt is required for a SOLVED ticket");
  const end = ticket.solvedAt + minutes * 60_000;
  if (now >= end) throw new InvalidTransitionError(ticket.status, event, `its reopen window ended at ${new Date(end).toISOString()}`);
}

function startEffects(kinds: readonly SlaTargetKind[]): ClockEffect[] {
  return kinds.filter((kind) => kind !== "NEXT_RESPONSE").map((kind) => ({ kind, action: "START" }));
}

function kindsOf(phases: TicketLifecycle["clocks"]): SlaTargetKind[] {
  return SLA_TARGET_KINDS.filter((kind) => phases[kind] !== undefined);
}

/** The ticket's status does not allow the event. */
export class InvalidTransitionError extends DomainError {
  constructor(
    readonly status: TicketStatus,
    readonly event: TicketEvent,
    reason?: string,
  ) {
    super("INVALID_TRANSITION", `Cannot apply ${event} to a ticket that is ${status}${reason ? `: ${reason}` : ""}`);
  }
}
