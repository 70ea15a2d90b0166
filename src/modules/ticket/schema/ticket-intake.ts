import { IdempotencyKeyReusedError } from "../../../domain/errors.ts";
import { NotEntitledError, type TICKET_FLAGS, TooEarlyToEscalateError, WrittenChannelRequiredError } from "../domain/index.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { InvalidTransitionError } from "../domain/index.ts";
import { TICKET_ID, ticketIdOf } from "./ticket-types.ts";
import { SupportChannel } from "../../tier/index.ts";

const TicketFlag = builder.enumType("TicketFlag", {
  description: "A condition given at intake that makes conditional checklist items required.",
  values: { BROKEN_DATABASE: { description: "The problem is a broken database: a backup is required." } } satisfies Record<
    (typeof TICKET_FLAGS)[number],
    object
  >,
});

const TicketAttachmentInput = builder.inputType("TicketAttachmentInput", {
  description: "A file to record with a new ticket, by name, type, size and checksum.",
  fields: (t) => ({
    name: t.string({ description: "At most 200 characters." }),
    contentType: t.string({ description: "A media type, e.g. image/png." }),
    size: t.int({ description: "Bytes, at most 25 MiB." }),
    checksum: t.string({ description: "sha256 of the content, 64 hex digits." }),
  }),
});

const TicketCreateInput = builder.inputType("TicketCreateInput", {
  description: "A customer's request: it is checked against the entitlement answer and opened as a ticket.",
  fields: (t) => ({
    customerNumber: t.string({ description: "The asking account, e.g. C-10004." }),
    channel: t.field({ description: "The channel it came in on.", type: SupportChannel }),
    language: t.string({ required: false, description: "Default: the account's language." }),
    requestTypeCode: t.string({ description: "Request type code, e.g. DEFECT." }),
    subject: t.string({ description: "One-line summary, 1–200 characters." }),
    body: t.string({ description: "The request as the customer wrote it, up to 50,000 characters." }),
    attachments: t.field({ type: [TicketAttachmentInput], required: false, description: "At most 10." }),
    flags: t.field({ description: "Conditions that select conditional required information, e.g. BROKEN_DATABASE.", type: [TicketFlag], required: false }),
    providedInformation: t.stringList({ required: false, description: "Checklist keys the request already carries." }),
    idempotencyKey: t.string({
      required: false,
      description: "A replay returns the original ticket; the same key with another payload is IdempotencyKeyReusedError.",
    }),
  }),
});

const TicketInformationProvideInput = builder.inputType("TicketInformationProvideInput", {
  description: "Checklist items the customer has now provided for a ticket.",
  fields: (t) => ({ ticketId: t.id({ description: TICKET_ID }), keys: t.stringList({ description: "Checklist keys now provided." }) }),
});

builder.mutationFields((t) => ({
  ticketCreate: t.prismaField({
    type: "Ticket",
    authScopes: { authenticated: true },
    description:
      "Opens a ticket with the entitlement answer applied: tier and priority stamped, clocks started unless information is missing. Out-of-scope requests become PAID_OFFER tickets without clocks.",
    errors: {
      types: [...COMMON_ERRORS, IdempotencyKeyReusedError, NotEntitledError, WrittenChannelRequiredError, TooEarlyToEscalateError],
      dataField: { name: "ticket", description: "The ticket as opened, with its clocks and checklist." },
    },
    args: { input: t.arg({ type: TicketCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketIntake.create(ctx.viewer, input, query),
  }),
  ticketInformationProvide: t.prismaField({
    type: "Ticket",
    authScopes: { authenticated: true },
    description: "Completes checklist items; once nothing is missing the ticket becomes NEW and its clocks start at this moment.",
    errors: { types: [...COMMON_ERRORS, InvalidTransitionError], dataField: { name: "ticket", description: "The ticket with the items recorded." } },
    args: { input: t.arg({ type: TicketInformationProvideInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketIntake.informationProvide(ctx.viewer, { ...input, ticketId: ticketIdOf(input) }, query),
  }),
}));
