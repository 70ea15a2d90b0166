import { describedValues } from "../../../graphql/enum-values.ts";
import type { QueueChange } from "../queue-watch-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { AFTER, CURSOR, SEQUENCE } from "../../../graphql/stream-fields.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { QueueCounts } from "./queue.ts";
import { TicketFilterInput } from "./queue-filter.ts";

const QueueChangeKind = builder.enumType("QueueChangeKind", {
  description: "What a QueueChange reports: the opening snapshot, or what happened to one ticket.",
  values: {
    SNAPSHOT: { description: "The first event: the first page of the queue, in order." },
    TICKET_ADDED: { description: "A ticket entered the queue." },
    TICKET_UPDATED: { description: "A ticket in the queue changed; `position` is its place now." },
    TICKET_REMOVED: { description: "A ticket left the queue (solved, reassigned, no longer matching …)." },
    RESUMED: { description: "After `after`: every change missed since the cursor has been replayed; what follows is live. Carries the counts now." },
  },
});

const QueueChangeType = builder.objectRef<QueueChange & { cursor: string }>("QueueChange").implement({
  description: "A change of a live queue: the snapshot first, then each ticket added, moved, updated or removed, with the new counts.",
  fields: (t) => ({
    kind: t.expose("kind", { description: "SNAPSHOT first (or, resuming, RESUMED once caught up), then what happened to one ticket.", type: QueueChangeKind }),
    sequence: t.exposeInt("sequence", { description: SEQUENCE }),
    cursor: t.exposeString("cursor", { description: CURSOR }),
    position: t.exposeInt("position", { nullable: true, description: "1-based place in the queue order after the change; null when removed." }),
    ticket: t.prismaField({
      type: "Ticket",
      nullable: true,
      description: "The ticket that changed, as it is now (null for SNAPSHOT and RESUMED).",
      resolve: (query, change, _args, ctx) => ctx.services.tickets.delivered(ctx.viewer, change, query),
    }),
    tickets: t.prismaField({
      type: ["Ticket"],
      description: "SNAPSHOT: the first page, in queue order (empty for other kinds).",
      resolve: (query, change, _args, ctx) => ctx.services.tickets.inOrder(ctx.viewer, change.ticketIds, query),
    }),
    counts: t.field({
      description: "The queue's counts after this change.",
      type: QueueCounts,
      resolve: (change, _args, ctx) => ctx.services.queueWatch.counts(ctx.viewer, change),
    }),
  }),
});

builder.subscriptionField("queueChanged", (t) =>
  t.field({
    type: QueueChangeType,
    authScopes: { authenticated: true },
    description: "A live queue: a saved queue (queueId) or an ad-hoc filter; a snapshot first, then every change with the ticket's new place.",
    args: {
      queueId: t.arg.id({ description: "A saved queue's global id; its stored filter applies.", required: false }),
      filter: t.arg({
        description: "An ad hoc queue: the same criteria as `tickets`; ignored when queueId is given.",
        type: TicketFilterInput,
        required: false,
      }),
      first: t.arg.int({ required: false, description: "Size of the snapshot page (default 50, at most 200)." }),
      after: t.arg.string({
        required: false,
        description: `${AFTER} No snapshot then, but RESUMED once the replay is done: a replayed TICKET_UPDATED may name a ticket the client does not hold yet (place it), a replayed TICKET_REMOVED one it never held (ignore it).`,
      }),
    },
    subscribe: (_root, args, ctx) =>
      ctx.services.queueWatch.watch(ctx.viewer, { ...args, queueId: args.queueId ? decodeId("queueId", args.queueId, "Queue").id : null }),
    resolve: (change) => change,
  }),
);

const TicketUpdateKind = builder.enumType("TicketUpdateKind", {
  description: "What a TicketUpdate reports about its ticket.",
  values: describedValues(["CREATED", "UPDATED", "SLA_ALERT"] as const, {
    CREATED: "The ticket was opened.",
    UPDATED: "The ticket changed (status, clocks, assignment, messages).",
    SLA_ALERT: "An SLA alert fired for one of its clocks.",
  }),
});

builder.subscriptionField("ticketUpdates", (t) =>
  t.field({
    type: builder.objectRef<{ ticketId: string; sequence: number; cursor: string; kind: "CREATED" | "UPDATED" | "SLA_ALERT" }>("TicketUpdate").implement({
      description: "A change of one ticket, delivered to `ticketUpdates` subscribers.",
      fields: (u) => ({
        kind: u.expose("kind", { type: TicketUpdateKind, description: "Opened, changed, or an SLA alert fired." }),
        sequence: u.exposeInt("sequence", { description: SEQUENCE }),
        cursor: u.exposeString("cursor", { description: CURSOR }),
        ticket: u.prismaField({
          type: "Ticket",
          nullable: true,
          description: "The ticket as it is at delivery; null if it is no longer visible to the subscriber.",
          resolve: (query, update, _args, ctx) => ctx.services.tickets.delivered(ctx.viewer, update, query),
        }),
      }),
    }),
    authScopes: { authenticated: true },
    description: "Every change of one ticket (and its SLA alerts), re-read for the subscriber.",
    args: { id: t.arg.id({ description: "The ticket's global id." }), after: t.arg.string({ required: false, description: AFTER }) },
    subscribe: (_root, { id, after }, ctx) => ctx.services.queueWatch.ticketUpdates(ctx.viewer, decodeId("id", id, "Ticket").id, after),
    resolve: (update) => update,
  }),
);
