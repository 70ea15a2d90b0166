import { canReadTicket, isStaff } from "../../../auth/policy.ts";
import type { Reason } from "../../entitlement/domain/index.ts";
import type { RequiredInformationItem as Item } from "../../request-type/domain/index.ts";
import { CURRENT_CLOCKS } from "../ticket-clocks.ts";
import { builder } from "../../../graphql/builder.ts";
import { EntitlementReason } from "../../entitlement/index.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { TicketFilterInput } from "../../queue/index.ts";
import { RequiredInformationItem } from "../../request-type/index.ts";
import { SlaClockStatus, TicketKind, TicketMessageKind, TicketStatus } from "./ticket-types.ts";
import { SupportChannel, TierPriority } from "../../tier/index.ts";

builder.prismaNode("Ticket", {
  id: { field: "id" },
  description: "A support request: tier and priority stamped at intake from the entitlement answer, with live SLA clocks.",
  select: { accountId: true, account: { select: { id: true, partnerId: true } } },
  authScopes: (ticket, ctx) => canReadTicket(ctx.viewer, ticket),
  fields: (t) => ({
    number: t.exposeInt("number"),
    account: t.relation("account"),
    tier: t.relation("tier", { nullable: true, description: "The effective tier; null when none applied." }),
    priority: t.field({
      type: TierPriority,
      description: "The tier's priority: higher rank is served first.",
      select: { priorityRank: true, priorityLabel: true },
      resolve: (ticket) => ({ rank: ticket.priorityRank, label: ticket.priorityLabel }),
    }),
    channel: t.expose("channel", { type: SupportChannel }),
    language: t.exposeString("language"),
    requestType: t.relation("requestType"),
    subject: t.exposeString("subject"),
    body: t.exposeString("body"),
    status: t.expose("status", { type: TicketStatus }),
    kind: t.expose("kind", { type: TicketKind }),
    paidOffer: t.boolean({ description: "Out of scope: a request for a paid offer, without SLA clocks.", select: { kind: true }, resolve: (ticket) => ticket.kind === "PAID_OFFER" }),
    intakeReasons: t.field({
      type: [EntitlementReason],
      description: "The entitlement answer's reasons at intake (non-blocking ones, CHANNEL_CLOSED and OUT_OF_SCOPE are kept).",
      select: { intakeReasons: true },
      resolve: (ticket) => ticket.intakeReasons as unknown as Reason[],
    }),
    flags: t.exposeStringList("flags"),
    providedInformation: t.exposeStringList("providedInformation"),
    missingInformation: t.field({
      type: [RequiredInformationItem],
      description: "Checklist items still missing: while any is, the ticket is AWAITING_INFORMATION and its clocks do not run.",
      select: { missingInformation: true, requestType: { select: { requiredInformation: true } } },
      resolve: (ticket) => (ticket.requestType.requiredInformation as unknown as Item[]).filter((item) => ticket.missingInformation.includes(item.key)),
    }),
    assigneeId: t.exposeString("assigneeId", { nullable: true }),
    teamId: t.exposeString("teamId", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "Arrival: first come, first served within a priority and due time." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    solvedAt: t.expose("solvedAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    nextDueAt: t.expose("nextDueAt", { type: "DateTime", nullable: true, description: "The earliest due instant of a running clock." }),
    atRiskAt: t.expose("atRiskAt", { type: "DateTime", nullable: true, description: "When the first running clock reaches 75 % of its budget." }),
    slaClocks: t.field({
      type: [SlaClockStatus],
      description: "The current clock of each target, evaluated now (or at `at`).",
      args: { at: t.arg({ type: "DateTime", required: false }) },
      select: { clocks: CURRENT_CLOCKS },
      resolve: (ticket, { at }, ctx) => ctx.services.tickets.slaClocks(ticket.clocks, at),
    }),
    attachments: t.relation("attachments"),
    messages: t.relatedConnection("messages", {
      cursor: "id",
      description: "Replies and notes, oldest first; customers and partners never see internal notes.",
      totalCount: true,
      query: (_args, ctx) => ({ where: isStaff(ctx.viewer) ? {} : { kind: { not: "INTERNAL_NOTE" } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }),
    workLogs: t.relation("workLogs", { query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }),
    history: t.relation("events", { description: "Status changes, information, assignments, tier changes and work, oldest first.", query: { orderBy: [{ at: "asc" }, { id: "asc" }] } }),
  }),
});

builder.prismaObject("TicketAttachment", {
  fields: (t) => ({
    name: t.exposeString("name"),
    contentType: t.exposeString("contentType"),
    size: t.exposeInt("size", { description: "Bytes." }),
    checksum: t.exposeString("checksum", { description: "sha256 of the content, hex." }),
  }),
});

builder.prismaNode("TicketMessage", {
  id: { field: "id" },
  fields: (t) => ({
    kind: t.expose("kind", { type: TicketMessageKind }),
    authorId: t.exposeString("authorId", { description: "The API token id behind the message, or ADMIN_TOKEN." }),
    body: t.exposeString("body"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("TicketWorkLog", {
  fields: (t) => ({
    id: t.exposeID("id"),
    agentId: t.exposeString("agentId"),
    minutes: t.exposeInt("minutes"),
    note: t.exposeString("note"),
    unitsDebited: t.exposeInt("unitsDebited", { nullable: true, description: "Prepaid units debited (unit-based tiers): ⌈minutes / 15⌉." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    ticket: t.relation("ticket"),
  }),
});

builder.prismaObject("TicketEvent", {
  name: "TicketHistoryEntry",
  fields: (t) => ({
    kind: t.exposeString("kind", { description: "CREATED, a lifecycle event (solve, reopen, …), INFORMATION_PROVIDED, ASSIGNED, TIER_CHANGED or WORK_LOGGED." }),
    actor: t.exposeString("actor"),
    at: t.expose("at", { type: "DateTime" }),
    data: t.string({ description: "Details as JSON.", select: { data: true }, resolve: (event) => JSON.stringify(event.data) }),
  }),
});

builder.queryFields((t) => ({
  ticket: t.prismaField({ description: "The ticket with this id, or null when there is none or the caller may not see it.",
    type: "Ticket",
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ description: "A ticket's global id (from ticketCreate or `tickets`)." }) },
    resolve: (query, _root, { id }, ctx) => ctx.services.tickets.ticket(ctx.viewer, decodeId("id", id, "Ticket").id, query),
  }),
  tickets: t.prismaConnection({
    type: "Ticket",
    cursor: "id",
    maxSize: 200,
    authScopes: { authenticated: true },
    description: "Tickets in queue order: priority rank, then due time, then arrival. Customers and partners see their own.",
    args: { filter: t.arg({ description: "Optional criteria; all given must hold; statuses default to the open ones.", type: TicketFilterInput, required: false }) },
    resolve: (query, _root, args, ctx) => ctx.services.ticketQueues.tickets(ctx.viewer, args.filter ?? {}, query),
    totalCount: (_root, args, ctx) => ctx.services.ticketQueues.count(ctx.viewer, args.filter ?? {}),
  }),
}));
