import { InvalidTransitionError } from "../domain/index.ts";
import type { StatusEvent } from "../ticket-lifecycle-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { TICKET_ID, ticketIdOf } from "./ticket-types.ts";

const TICKET = { name: "ticket", description: "The ticket after the change, with its clocks re-evaluated." };
const result = { types: [...COMMON_ERRORS, InvalidTransitionError], dataField: TICKET };
const BODY = "The message text, 1–50,000 characters after trimming.";

const TicketReplyInput = builder.inputType("TicketReplyInput", {
  description: "An agent's public reply or internal note.",
  fields: (t) => ({
    ticketId: t.id({ description: TICKET_ID }),
    body: t.string({ description: BODY }),
    public: t.boolean({ description: "false: an internal note the customer never sees." }),
  }),
});
const TicketCustomerReplyInput = builder.inputType("TicketCustomerReplyInput", {
  description: "A reply written by the customer on its own ticket.",
  fields: (t) => ({ ticketId: t.id({ description: TICKET_ID }), body: t.string({ description: BODY }) }),
});
const TicketAssignInput = builder.inputType("TicketAssignInput", {
  description: "Who works on a ticket.",
  fields: (t) => ({
    ticketId: t.id({ description: TICKET_ID }),
    assigneeId: t.string({ required: false, description: "Absent keeps the assignee, null clears it." }),
    teamId: t.string({ required: false, description: "Absent keeps the team, null clears it." }),
  }),
});
const TicketTierChangeInput = builder.inputType("TicketTierChangeInput", {
  description: "The tier a STANDARD ticket is to be counted under from now on.",
  fields: (t) => ({ ticketId: t.id({ description: TICKET_ID }), tierCode: t.string({ description: "The new tier's code, e.g. GOLD; any case." }) }),
});

/** One mutation per status event, each through the ticket lifecycle. */
const STATUS_MUTATIONS: Record<string, { event: StatusEvent; description: string; input: string }> = {
  ticketAwaitCustomer: {
    event: "awaitCustomer",
    description: "Waits on the customer: the running clocks pause. Agents only.",
    input: "A NEW, OPEN or ON_HOLD ticket to set AWAITING_CUSTOMER.",
  },
  ticketHold: {
    event: "hold",
    description: "An internal wait: the clocks keep running. Agents only.",
    input: "A NEW, OPEN or AWAITING_CUSTOMER ticket to set ON_HOLD.",
  },
  ticketResume: {
    event: "resume",
    description: "Back to OPEN from AWAITING_CUSTOMER or ON_HOLD; paused clocks resume. Agents only.",
    input: "An AWAITING_CUSTOMER or ON_HOLD ticket to set OPEN again.",
  },
  ticketSolve: {
    event: "solve",
    description: "Meets the resolution target; other clocks pause. Agents only.",
    input: "A NEW, OPEN, AWAITING_CUSTOMER or ON_HOLD ticket to set SOLVED.",
  },
  ticketClose: {
    event: "close",
    description: "Closes a SOLVED ticket (or one still awaiting information): final.",
    input: "A SOLVED (or AWAITING_INFORMATION) ticket to close for good.",
  },
  ticketReopen: {
    event: "reopen",
    description: "Reopens a SOLVED ticket within the reopen window (TICKET_REOPEN_DAYS, default 7).",
    input: "A SOLVED ticket, within its reopen window, to set OPEN again.",
  },
};

for (const [name, { event, description, input: asks }] of Object.entries(STATUS_MUTATIONS)) {
  const Input = builder.inputType(`${name[0]!.toUpperCase()}${name.slice(1)}Input`, {
    description: asks,
    fields: (t) => ({ ticketId: t.id({ description: TICKET_ID }) }),
  });
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "Ticket",
      authScopes: { authenticated: true },
      description,
      errors: result,
      args: { input: t.arg({ type: Input, description: "What to do; each input field states its rule." }) },
      resolve: (query, _root, { input }, ctx) => ctx.services.ticketLifecycle.statusChange(ctx.viewer, event, { ticketId: ticketIdOf(input) }, query),
    }),
  );
}

builder.mutationFields((t) => ({
  ticketReply: t.prismaField({
    type: "Ticket",
    authScopes: { authenticated: true },
    description: "An agent's public reply (meets a pending first or next response; NEW becomes OPEN) or internal note.",
    errors: result,
    args: { input: t.arg({ type: TicketReplyInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketLifecycle.reply(ctx.viewer, { ...input, ticketId: ticketIdOf(input) }, query),
  }),
  ticketCustomerReply: t.prismaField({
    type: "Ticket",
    authScopes: { authenticated: true },
    description: "The customer's reply: resumes a ticket waiting on them, starts a next-response clock, reopens a SOLVED ticket within the window.",
    errors: result,
    args: { input: t.arg({ type: TicketCustomerReplyInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketLifecycle.customerReply(ctx.viewer, { ...input, ticketId: ticketIdOf(input) }, query),
  }),
  ticketAssign: t.prismaField({
    description: "Assigns a ticket to an agent and/or team (null clears); no effect on its clocks.",
    type: "Ticket",
    authScopes: { authenticated: true },
    errors: { types: COMMON_ERRORS, dataField: TICKET },
    args: { input: t.arg({ type: TicketAssignInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketLifecycle.assign(ctx.viewer, { ...input, ticketId: ticketIdOf(input) }, query),
  }),
  ticketTierChange: t.prismaField({
    type: "Ticket",
    authScopes: { authenticated: true },
    description: "Re-targets the ticket to a tier, keeping the elapsed time of its clocks; recorded as TIER_CHANGED. Agents only.",
    errors: { types: COMMON_ERRORS, dataField: TICKET },
    args: { input: t.arg({ type: TicketTierChangeInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketLifecycle.tierChange(ctx.viewer, { ...input, ticketId: ticketIdOf(input) }, query),
  }),
}));
