import { actorShownTo, canReadTicket, canReadTicketMessage, isStaff } from "../../../auth/policy.ts";
import type { Reason } from "../../entitlement/domain/index.ts";
import type { RequiredInformationItem as Item } from "../../request-type/domain/index.ts";
import { CURRENT_CLOCKS } from "../ticket-clocks.ts";
import { builder } from "../../../graphql/builder.ts";
import { EntitlementReason } from "../../entitlement/index.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { RequiredInformationItem } from "../../request-type/index.ts";
import { SlaClockStatus, TicketKind, TicketMessageKind, TicketStatus } from "./ticket-types.ts";
import { SupportChannel, TierPriority } from "../../tier/index.ts";

export const TicketNode = builder.prismaNode("Ticket", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "A support request: tier and priority stamped at intake from the entitlement answer, with live SLA clocks.",
  select: { accountId: true, account: { select: { id: true, partnerId: true } } },
  authScopes: (ticket, ctx) => canReadTicket(ctx.viewer, ticket),
  fields: (t) => ({
    number: t.exposeInt("number", { description: "Human-readable ticket number, increasing with arrival." }),
    account: t.relation("account", { description: "The account that opened it." }),
    tier: t.relation("tier", { nullable: true, description: "The effective tier; null when none applied." }),
    priority: t.field({
      type: TierPriority,
      description: "The tier's priority: higher rank is served first.",
      select: { priorityRank: true, priorityLabel: true },
      resolve: (ticket) => ({ rank: ticket.priorityRank, label: ticket.priorityLabel }),
    }),
    channel: t.expose("channel", { description: "The channel it came in on.", type: SupportChannel }),
    language: t.exposeString("language", { description: "The language it is handled in." }),
    requestType: t.relation("requestType", { description: "What kind of request it is." }),
    subject: t.exposeString("subject", { description: "One-line summary." }),
    body: t.exposeString("body", { description: "The request as the customer wrote it." }),
    status: t.expose("status", { description: "Where the ticket stands in its lifecycle.", type: TicketStatus }),
    kind: t.expose("kind", { description: "STANDARD (counted against targets) or PAID_OFFER (out of scope, no clocks).", type: TicketKind }),
    paidOffer: t.boolean({
      description: "Out of scope: a request for a paid offer, without SLA clocks.",
      select: { kind: true },
      resolve: (ticket) => ticket.kind === "PAID_OFFER",
    }),
    intakeReasons: t.field({
      type: [EntitlementReason],
      description: "The entitlement answer's reasons at intake (non-blocking ones, CHANNEL_CLOSED and OUT_OF_SCOPE are kept).",
      select: { intakeReasons: true },
      resolve: (ticket) => ticket.intakeReasons as unknown as Reason[],
    }),
    flags: t.exposeStringList("flags", { description: "Conditions given at intake, e.g. BROKEN_DATABASE; they select conditional required information." }),
    providedInformation: t.exposeStringList("providedInformation", { description: "Keys of the required information already provided." }),
    missingInformation: t.field({
      type: [RequiredInformationItem],
      description: "Checklist items still missing: while any is, the ticket is AWAITING_INFORMATION and its clocks do not run.",
      select: { missingInformation: true, requestType: { select: { requiredInformation: true } } },
      resolve: (ticket) => (ticket.requestType.requiredInformation as unknown as Item[]).filter((item) => ticket.missingInformation.includes(item.key)),
    }),
    assigneeId: t.exposeString("assigneeId", { description: "The assigned agent's id; null when unassigned.", nullable: true }),
    teamId: t.exposeString("teamId", { description: "The assigned team's id; null when none.", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "Arrival: first come, first served within a priority and due time." }),
    updatedAt: t.expose("updatedAt", { description: "When it last changed.", type: "DateTime" }),
    solvedAt: t.expose("solvedAt", { description: "When it was last solved; null while not solved.", type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { description: "When it was closed; null while not closed.", type: "DateTime", nullable: true }),
    nextDueAt: t.expose("nextDueAt", { type: "DateTime", nullable: true, description: "The earliest due instant of a running clock." }),
    atRiskAt: t.expose("atRiskAt", { type: "DateTime", nullable: true, description: "When the first running clock reaches 75 % of its budget." }),
    slaClocks: t.field({
      type: [SlaClockStatus],
      description: "The current clock of each target, evaluated now (or at `at`).",
      args: {
        at: t.arg({
          description: "The instant to evaluate the clocks at; default now (a past instant answers from the history as it stood).",
          type: "DateTime",
          required: false,
        }),
      },
      select: { clocks: CURRENT_CLOCKS },
      resolve: (ticket, { at }, ctx) => ctx.services.tickets.slaClocks(ticket.clocks, at),
    }),
    attachments: t.relation("attachments", { description: "Files attached at intake (name, type, size, sha256)." }),
    messages: t.relatedConnection("messages", {
      cursor: "id",
      description: "Replies and notes, oldest first; customers and partners never see internal notes.",
      totalCount: true,
      query: (_args, ctx) => ({ where: isStaff(ctx.viewer) ? {} : { kind: { not: "INTERNAL_NOTE" } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }),
    workLogs: t.relation("workLogs", { description: "Work recorded on it, oldest first.", query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }),
    history: t.relation("events", {
      description: "Status changes, information, assignments, tier changes and work, oldest first.",
      query: { orderBy: [{ at: "asc" }, { id: "asc" }] },
    }),
  }),
});

builder.prismaObject("TicketAttachment", {
  description: "A file attached at intake, recorded by name, type, size and checksum (the content is kept elsewhere).",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The file name as given, at most 200 characters." }),
    contentType: t.exposeString("contentType", { description: "Its media type, e.g. image/png." }),
    size: t.exposeInt("size", { description: "Bytes." }),
    checksum: t.exposeString("checksum", { description: "sha256 of the content, hex." }),
  }),
});

builder.prismaNode("TicketMessage", {
  description: "A message on a ticket: public reply, internal note or customer reply.",
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  // node(id) runs the same rule as Ticket.messages: internal notes are staff-only
  select: { kind: true, ticket: { select: { account: { select: { id: true, partnerId: true } } } } },
  authScopes: (message, ctx) => canReadTicketMessage(ctx.viewer, message),
  fields: (t) => ({
    kind: t.expose("kind", { description: "Public reply, internal note (never shown to customers) or customer reply.", type: TicketMessageKind }),
    authorId: t.string({
      description: 'Staff see the API token id behind the message (or ADMIN_TOKEN); customers and partners see their own id, or "support".',
      select: { authorId: true },
      resolve: (message, _args, ctx) => actorShownTo(ctx.viewer, message.authorId),
    }),
    body: t.exposeString("body", { description: "The message text." }),
    createdAt: t.expose("createdAt", { description: "When it was written.", type: "DateTime" }),
  }),
});

builder.prismaObject("TicketWorkLog", {
  description: "Time an agent spent on a ticket; on a unit-based tier it debited prepaid units with it.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The work log's id, as a ledger entry's workLogId names it." }),
    agentId: t.string({
      description: 'Who logged it: staff see the agent\'s API token id (or ADMIN_TOKEN); customers and partners see "support".',
      select: { agentId: true },
      resolve: (log, _args, ctx) => actorShownTo(ctx.viewer, log.agentId),
    }),
    minutes: t.exposeInt("minutes", { description: "Minutes worked, 1–100,000." }),
    note: t.exposeString("note", { description: "What was done, 1–2000 characters." }),
    unitsDebited: t.exposeInt("unitsDebited", { nullable: true, description: "Prepaid units debited (unit-based tiers): ⌈minutes / 15⌉." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was logged." }),
    ticket: t.relation("ticket", { description: "The ticket the work was for." }),
  }),
});

builder.prismaObject("TicketEvent", {
  name: "TicketHistoryEntry",
  description: "One recorded change of a ticket, append-only.",
  fields: (t) => ({
    kind: t.exposeString("kind", {
      description: "CREATED, a lifecycle event (solve, reopen, …), INFORMATION_PROVIDED, ASSIGNED, TIER_CHANGED or WORK_LOGGED.",
    }),
    actor: t.string({
      description: 'Who made the change: staff see the API token id (or ADMIN_TOKEN, system); customers and partners see their own id, system or "support".',
      select: { actor: true },
      resolve: (event, _args, ctx) => actorShownTo(ctx.viewer, event.actor),
    }),
    at: t.expose("at", { type: "DateTime", description: "When the change took effect." }),
    data: t.string({ description: "Details as JSON.", select: { data: true }, resolve: (event) => JSON.stringify(event.data) }),
  }),
});

builder.queryFields((t) => ({
  ticket: t.prismaField({
    description: "The ticket with this id, or null when there is none or the caller may not see it.",
    type: "Ticket",
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ description: "A ticket's global id (from ticketCreate or `tickets`)." }) },
    resolve: (query, _root, { id }, ctx) => ctx.services.tickets.ticket(ctx.viewer, decodeId("id", id, "Ticket").id, query),
  }),
}));
