import { IdempotencyKeyReusedError } from "../../../domain/errors.ts";
import { InsufficientUnitsError } from "../../ledger/domain/index.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { ticketIdOf } from "./ticket-types.ts";

const TicketWorkLogInput = builder.inputType("TicketWorkLogInput", {
  fields: (t) => ({
    ticketId: t.id(),
    minutes: t.int(),
    note: t.string(),
    idempotencyKey: t.string({ description: "A replay returns the original log; nothing is debited twice." }),
  }),
});

builder.mutationField("ticketWorkLog", (t) =>
  t.prismaField({
    type: "TicketWorkLog",
    authScopes: { authenticated: true },
    description: "Records an agent's work; on a unit-based tier it debits ⌈minutes / 15⌉ prepaid units in the same transaction.",
    errors: { types: [...COMMON_ERRORS, InsufficientUnitsError, IdempotencyKeyReusedError], dataField: { name: "workLog" } },
    args: { input: t.arg({ type: TicketWorkLogInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketWork.log(ctx.viewer, { ...input, ticketId: ticketIdOf(input) }, query),
  }),
);
