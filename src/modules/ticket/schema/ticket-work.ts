import { IdempotencyKeyReusedError } from "../../../domain/errors.ts";
import { InsufficientUnitsError } from "../../ledger/domain/index.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { TICKET_ID, ticketIdOf } from "./ticket-types.ts";

const TicketWorkLogInput = builder.inputType("TicketWorkLogInput", {
  description: "Work an agent did on a ticket; on a unit-based tier it is paid from the account's prepaid units.",
  fields: (t) => ({
    ticketId: t.id({ description: TICKET_ID }),
    minutes: t.int({ description: "Minutes worked, a whole number 1–100,000; debits ⌈minutes / 15⌉ units on a unit-based tier." }),
    note: t.string({ description: "What was done, 1–2000 characters after trimming." }),
    idempotencyKey: t.string({ description: "A replay returns the original log; nothing is debited twice." }),
  }),
});

builder.mutationField("ticketWorkLog", (t) =>
  t.prismaField({
    type: "TicketWorkLog",
    authScopes: { authenticated: true },
    description: "Records an agent's work; on a unit-based tier it debits ⌈minutes / 15⌉ prepaid units in the same transaction.",
    errors: {
      types: [...COMMON_ERRORS, InsufficientUnitsError, IdempotencyKeyReusedError],
      dataField: { name: "workLog", description: "The work log as recorded (or, on a replay, as first recorded)." },
    },
    args: { input: t.arg({ type: TicketWorkLogInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketWork.log(ctx.viewer, { ...input, ticketId: ticketIdOf(input) }, query),
  }),
);
