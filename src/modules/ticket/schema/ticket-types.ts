import { describedValues } from "../../../graphql/enum-values.ts";
import type { SlaClockState as State } from "../../sla/domain/index.ts";
import { InvalidTransitionError, NotEntitledError, TICKET_STATUSES, TooEarlyToEscalateError, WrittenChannelRequiredError } from "../domain/index.ts";
import type { ClockView } from "../ticket-read-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { BusinessCalendar } from "../../calendar/index.ts";
import { EntitlementReason } from "../../entitlement/index.ts";
import { errorType } from "../../../graphql/errors.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { ResponseTargetKind, SupportChannel } from "../../tier/index.ts";

export const TicketStatus = builder.enumType("TicketStatus", {
  description: "Where a ticket stands in its lifecycle; NEW through ON_HOLD count as open.",
  values: describedValues(TICKET_STATUSES, {
    NEW: "Opened, no agent reply yet.",
    AWAITING_INFORMATION: "Required information is missing; no clock runs.",
    OPEN: "Being worked on.",
    AWAITING_CUSTOMER: "Waiting for the customer; clocks pause.",
    ON_HOLD: "An internal wait; clocks keep running.",
    SOLVED: "Solved; reopenable for TICKET_REOPEN_DAYS.",
    CLOSED: "Closed for good.",
  }),
});
export const TicketKind = builder.enumType("TicketKind", {
  description: "Whether a ticket is served under the tier's targets or taken as a request for paid work.",
  values: {
    STANDARD: { description: "Counted against the tier's targets." },
    PAID_OFFER: { description: "Out of scope (e.g. customisation): accepted as a request for a paid offer, without SLA clocks." },
  },
});
export const TicketMessageKind = builder.enumType("TicketMessageKind", {
  description: "Who wrote a ticket message and who may read it.",
  values: describedValues(["PUBLIC_REPLY", "INTERNAL_NOTE", "CUSTOMER_REPLY"] as const, {
    PUBLIC_REPLY: "An agent's reply the customer sees; the first meets the first response.",
    INTERNAL_NOTE: "An agent's note customers never see.",
    CUSTOMER_REPLY: "The customer wrote; starts a next-response clock.",
  }),
});
const SLA_CLOCK_STATES = ["NOT_STARTED", "RUNNING", "PAUSED", "MET", "BREACHED", "MET_LATE"] as const satisfies readonly State[];
const SLA_CLOCK_STATE_DESCRIPTIONS: Record<State, string> = {
  NOT_STARTED: "The clock has not started: required information is missing.",
  RUNNING: "Started and not met; on time up to and including the due instant.",
  PAUSED: "Waiting on the customer: no clock time accrues and the due moves with the pause.",
  MET: "Met at or before the due instant (a reply at exactly the due instant is on time).",
  BREACHED: "Not met and the due instant has passed (from 1 ms after it).",
  MET_LATE: "Met after the due instant.",
};
export const SlaClockState = builder.enumType("SlaClockState", {
  description: "Where an SLA clock stands at an instant; the due instant itself is still on time.",
  values: Object.fromEntries(SLA_CLOCK_STATES.map((state) => [state, { description: SLA_CLOCK_STATE_DESCRIPTIONS[state] }])) as Record<
    State,
    { description: string }
  >,
});

const minutes = (ms: number | null) => (ms === null ? null : Math.floor(ms / 60_000));

export const SlaClockStatus = builder.objectRef<ClockView>("SlaClockStatus").implement({
  description: "One target of a ticket, counted on its calendar and evaluated at an instant.",
  fields: (t) => ({
    kind: t.expose("kind", { description: "Which target this clock measures.", type: ResponseTargetKind }),
    state: t.expose("state", { description: "Where the clock stands at the instant asked (default now).", type: SlaClockState }),
    guaranteed: t.exposeBoolean("guaranteed", { description: "false: a best-effort target, computed the same way." }),
    running: t.exposeBoolean("running", { description: "Clock time accrues now (started, not met, not paused)." }),
    startedAt: t.expose("startedAt", {
      description: "When the clock started; null before (e.g. required information missing).",
      type: "DateTime",
      nullable: true,
    }),
    dueAt: t.expose("dueAt", {
      type: "DateTime",
      nullable: true,
      description: "null before the start and while paused; for a met clock, the due as it stood when met.",
    }),
    metAt: t.expose("metAt", {
      description: "When the target was met (the first public reply, the solve); null while not met.",
      type: "DateTime",
      nullable: true,
    }),
    budgetMinutes: t.int({ nullable: true, description: "The target in clock minutes.", resolve: (c) => minutes(c.budgetMs) }),
    elapsedBusinessMinutes: t.int({ description: "Clock minutes run so far, pauses excluded.", resolve: (c) => minutes(c.elapsedMs)! }),
    remainingBusinessMinutes: t.int({
      nullable: true,
      description: "Budget left in whole clock minutes, rounded down (toward the past); negative once overrun; null for a DAYS target not started.",
      resolve: (c) => minutes(c.remainingMs),
    }),
    remainingSeconds: t.int({
      nullable: true,
      description: "Budget left in whole clock seconds, rounded down (toward the past); negative once overrun; precise enough for targets of a few minutes.",
      resolve: (c) => (c.remainingMs === null ? null : Math.floor(c.remainingMs / 1_000)),
    }),
    elapsedFraction: t.exposeFloat("elapsedFraction", {
      description: "elapsed / budget: 0.75 at the first default warning, 1 at the due instant, above 1 once overrun.",
    }),
    breached: t.exposeBoolean("breached", { description: "The due instant passed unmet (BREACHED) or the target was met after it (MET_LATE)." }),
    calendar: t.field({
      description: "The business calendar the clock counts in.",
      type: BusinessCalendar,
      resolve: (c, _args, ctx) => ctx.services.calendars.require(c.calendarId),
    }),
  }),
});

builder.objectFields(
  errorType(
    InvalidTransitionError,
    "InvalidTransitionError",
    "The ticket's status does not allow this step (e.g. replying to a CLOSED ticket); nothing changed; code INVALID_TRANSITION.",
  ),
  (t) => ({
    status: t.field({ type: TicketStatus, description: "The ticket's current status.", resolve: (error) => error.status }),
  }),
);
builder.objectFields(
  errorType(
    TooEarlyToEscalateError,
    "TooEarlyToEscalateError",
    "004: the account has an open ticket whose first-response time still runs; chat or phone about it only from `allowedAt`; nothing was written.",
    true,
  ),
  (t) => ({
    allowedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "From when the contact is allowed; null until the open ticket's clock starts.",
      resolve: (error) => error.allowedAt,
    }),
  }),
);
builder.objectFields(
  errorType(
    NotEntitledError,
    "NotEntitledError",
    "The entitlement answer refused the request (channel, language, level or account status); nothing was written.",
    true,
  ),
  (t) => ({
    reasons: t.field({
      type: [EntitlementReason],
      description: "The blocking reasons, as the entitlement query would list them.",
      resolve: (error) => [...error.reasons],
    }),
  }),
);
builder.objectFields(
  errorType(
    WrittenChannelRequiredError,
    "WrittenChannelRequiredError",
    "004: this request type is handled in writing only (ticket or chat), never by phone; nothing was written.",
    true,
  ),
  (t) => ({
    writtenChannels: t.field({
      type: [SupportChannel],
      description: "The tier's written channels to use instead.",
      resolve: (error) => [...error.writtenChannels],
    }),
  }),
);

/** The `ticketId` of every input that acts on one ticket. */
export const TICKET_ID = "Global id of the ticket, as its `id` field (or ticketCreate) gives it.";

/** The ticket id behind a global id in an input. */
export const ticketIdOf = (input: { ticketId: string }) => decodeId("ticketId", input.ticketId, "Ticket").id;
