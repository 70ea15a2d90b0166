import type { TicketFilter } from "../domain/index.ts";
import type { QueueCounts as Counts } from "../ticket-queue-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { globalIdField } from "../../../graphql/input-fields.ts";
import { TicketFilterInput, TicketFilterType } from "./queue-filter.ts";
import { TicketNode, TicketStatus } from "../../ticket/index.ts";
import { queueCounts, resolveTicketConnection, TICKET_CONNECTION } from "./ticket-connection.ts";

const StatusCount = builder.objectRef<Counts["byStatus"][number]>("QueueStatusCount").implement({
  description: "How many of a queue's tickets have one status.",
  fields: (t) => ({
    status: t.expose("status", { type: TicketStatus, description: "The status counted." }),
    count: t.exposeInt("count", { description: "Tickets of the queue in that status; 0 when none." }),
  }),
});

export const QueueCounts = builder.objectRef<Counts>("QueueCounts").implement({
  description: "How many tickets a queue holds, in total and by condition.",
  fields: (t) => ({
    total: t.exposeInt("total", { description: "Every ticket the filter matches." }),
    byStatus: t.expose("byStatus", { type: [StatusCount], description: "Every status, 0 when none." }),
    breached: t.exposeInt("breached", { description: "Tickets with a running clock whose due instant has passed (not at it)." }),
    atRisk: t.exposeInt("atRisk", { description: "Tickets with a running clock past 75 % of its budget and none breached." }),
    unassigned: t.exposeInt("unassigned", { description: "Tickets with neither assignee nor team." }),
  }),
});

const filterOf = (queue: { filter: unknown }) => queue.filter as TicketFilter;

builder.prismaNode("Queue", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "A saved, named filter over tickets, in queue order: priority rank, then due time, then first come, first served.",
  authScopes: { staff: true },
  fields: (t) => ({
    name: t.exposeString("name", { description: "A name for people, e.g. Gold desk." }),
    filter: t.field({
      description: "The stored filter, canonical (codes upper-case, empty criteria dropped).",
      type: TicketFilterType,
      select: { filter: true },
      resolve: filterOf,
    }),
    archivedAt: t.expose("archivedAt", { description: "When it was archived; null while in use.", type: "DateTime", nullable: true }),
    tickets: t.connection(
      {
        description: "The matching tickets in queue order: priority rank (desc), nextDueAt (none last), arrival, id.",
        type: TicketNode,
        select: { filter: true },
        resolve: (queue, args, ctx, info) => resolveTicketConnection(filterOf(queue), args, ctx, info),
      },
      TICKET_CONNECTION,
    ),
    counts: t.field({
      description: "Counts over every ticket the filter matches, not only the first page.",
      type: QueueCounts,
      select: { filter: true },
      resolve: (queue, _args, ctx) => queueCounts(ctx, filterOf(queue)),
    }),
  }),
});

builder.queryFields((t) => ({
  tickets: t.connection(
    {
      type: TicketNode,
      authScopes: { authenticated: true },
      description: "Tickets in queue order: priority rank, then due time, then arrival. Customers and partners see their own.",
      args: {
        filter: t.arg({ description: "Optional criteria; all given must hold; statuses default to the open ones.", type: TicketFilterInput, required: false }),
      },
      resolve: (_root, args, ctx, info) => resolveTicketConnection(args.filter ?? {}, args, ctx, info),
    },
    TICKET_CONNECTION,
  ),
  queues: t.prismaField({
    description: "Saved queues, by name; agents only.",
    type: ["Queue"],
    authScopes: { staff: true },
    args: { includeArchived: t.arg.boolean({ description: "Include archived queues; default false.", required: false }) },
    resolve: (query, _root, args, ctx) => ctx.services.ticketQueues.queues(ctx.viewer, args, query),
  }),
  queue: t.prismaField({
    description: "A saved queue with its counts and tickets, or null; agents only.",
    type: "Queue",
    nullable: true,
    authScopes: { staff: true },
    args: { id: t.arg.id({ description: "The queue's global id (from queueCreate or `queues`)." }) },
    resolve: (query, _root, { id }, ctx) => ctx.services.ticketQueues.queue(ctx.viewer, decodeId("id", id, "Queue").id, query),
  }),
  ticketCounts: t.field({
    type: QueueCounts,
    authScopes: { authenticated: true },
    description: "Counts for an ad-hoc filter, as a queue would show them.",
    args: { filter: t.arg({ description: "The same criteria as `tickets`; statuses default to the open ones.", type: TicketFilterInput, required: false }) },
    resolve: (_root, args, ctx) => queueCounts(ctx, args.filter ?? {}),
  }),
}));

const NAME = "A name for people, 1–200 characters after trimming, e.g. Gold desk.";
const QueueCreateInput = builder.inputType("QueueCreateInput", {
  description: "A named ticket queue to save; agents only.",
  fields: (t) => ({
    name: t.string({ description: NAME }),
    filter: t.field({ type: TicketFilterInput, description: "Which tickets it shows; stored canonical (codes upper-case, empty criteria dropped)." }),
  }),
});
const QueueUpdateInput = builder.inputType("QueueUpdateInput", {
  description: "Changes to a saved queue; fields left out keep their value.",
  fields: (t) => ({
    id: globalIdField(t, "queue"),
    name: t.string({ required: false, description: NAME }),
    filter: t.field({ type: TicketFilterInput, required: false, description: "Replaces the whole filter." }),
  }),
});
const QueueArchiveInput = builder.inputType("QueueArchiveInput", {
  description: "A saved queue to archive; archiving it again keeps the first archivedAt.",
  fields: (t) => ({ id: globalIdField(t, "queue") }),
});
const result = { types: COMMON_ERRORS, dataField: { name: "queue", description: "The saved queue as it is after the write." } };
const queueId = (input: { id: string }) => ({ ...input, id: decodeId("id", input.id, "Queue").id });

builder.mutationFields((t) => ({
  queueCreate: t.prismaField({
    description: "Saves a named ticket queue with a filter, stored canonical (codes upper-case, empty criteria dropped); agents only.",
    type: "Queue",
    authScopes: { authenticated: true },
    errors: result,
    args: { input: t.arg({ type: QueueCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketQueues.queueCreate(ctx.viewer, input, query),
  }),
  queueUpdate: t.prismaField({
    description: "Renames a saved queue or replaces its filter.",
    type: "Queue",
    authScopes: { authenticated: true },
    errors: result,
    args: { input: t.arg({ type: QueueUpdateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketQueues.queueUpdate(ctx.viewer, queueId(input), query),
  }),
  queueArchive: t.prismaField({
    description: "Archives a saved queue: it disappears from `queues` unless includeArchived is true.",
    type: "Queue",
    authScopes: { authenticated: true },
    errors: result,
    args: { input: t.arg({ type: QueueArchiveInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ticketQueues.queueArchive(ctx.viewer, queueId(input), query),
  }),
}));
