import type { SlaAlertView } from "../sla-alert-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { encodeId } from "../../../graphql/global-id.ts";
import { ResponseTargetKind } from "../../tier/index.ts";
import { AFTER, CURSOR, SEQUENCE } from "../../../graphql/stream-fields.ts";

const SlaAlertKind = builder.enumType("SlaAlertKind", {
  description: "Whether an SLA alert warns of an impending breach or reports one.",
  values: {
    WARNING: { description: "A threshold of the budget was used up." },
    BREACHED: { description: "The due instant passed unmet: fires 1 ms after it, never for a clock met at it." },
  },
});

const KIND = "WARNING at a threshold, BREACHED 1 ms after the due instant.";
const THRESHOLD = "The fraction of the budget used: e.g. 0.75, 0.9; 1 for a breach.";
const LATE = "Emitted more than a second after its instant, e.g. after downtime.";
const TARGET = "Which target's clock: first response, next response or resolution.";

export const SlaAlertEvent = builder.objectRef<SlaAlertView & { cursor: string }>("SlaAlertEvent").implement({
  description: "An SLA alert, emitted once at its instant (or at once, marked late, after downtime).",
  fields: (t) => ({
    sequence: t.exposeInt("sequence", { description: SEQUENCE }),
    cursor: t.exposeString("cursor", { description: CURSOR }),
    alertId: t.exposeID("id", { description: "The alert's id; each alert is emitted once." }),
    kind: t.expose("kind", { description: KIND, type: SlaAlertKind }),
    threshold: t.exposeFloat("threshold", { description: THRESHOLD }),
    alertAt: t.expose("fireAt", { type: "DateTime", description: "The instant the alert was due." }),
    firedAt: t.expose("firedAt", { description: "When the service emitted it.", type: "DateTime", nullable: true }),
    late: t.exposeBoolean("late", { description: LATE }),
    ticketId: t.id({ description: "The ticket's global id.", resolve: (alert) => encodeId("Ticket", alert.ticketId) }),
    target: t.expose("target", { description: TARGET, type: ResponseTargetKind }),
    guaranteed: t.exposeBoolean("guaranteed", { description: "false for a best-effort target." }),
    dueAt: t.expose("dueAt", { description: "The clock's due instant as it stood when the alert fired.", type: "DateTime", nullable: true }),
    remainingBusinessMinutes: t.exposeInt("remainingBusinessMinutes", {
      nullable: true,
      description: "Budget left at the alert instant in whole clock minutes, rounded down (see remainingSeconds for short targets).",
    }),
    remainingSeconds: t.exposeInt("remainingSeconds", {
      nullable: true,
      description: "Budget left at the alert instant in whole clock seconds, rounded down; 0 for a breach.",
    }),
  }),
});

const SlaAlertFilter = builder.inputType("SlaAlertFilter", {
  description: "Which SLA alerts to receive; all given criteria must hold.",
  fields: (t) => ({
    customerNumber: t.string({ description: "Only this account's tickets.", required: false }),
    tierCodes: t.stringList({ description: "Only tickets of these tiers (codes).", required: false }),
    kinds: t.field({ description: "Only these kinds; absent or empty means both.", type: [SlaAlertKind], required: false }),
    targets: t.field({ description: "Only these targets; absent or empty means all.", type: [ResponseTargetKind], required: false }),
    assigneeId: t.string({ description: "Only tickets assigned to this agent.", required: false }),
    teamId: t.string({ description: "Only tickets of this team.", required: false }),
  }),
});

builder.subscriptionField("slaAlerts", (t) =>
  t.field({
    type: SlaAlertEvent,
    authScopes: { authenticated: true },
    description: "Impending and actual SLA breaches of tickets the subscriber may see.",
    args: {
      filter: t.arg({
        description: "Optional criteria; all given must hold; absent means every alert the subscriber may see.",
        type: SlaAlertFilter,
        required: false,
      }),
      after: t.arg.string({ required: false, description: AFTER }),
      since: t.arg({
        type: "DateTime",
        required: false,
        description: "Without `after`: first the alerts fired since this instant (a fresh screen is not blind), then live ones.",
      }),
    },
    subscribe: (_root, { filter, ...resume }, ctx) => ctx.services.slaAlerts.stream(ctx.viewer, filter ?? {}, resume),
    resolve: (alert) => alert,
  }),
);

builder.prismaObject("SlaAlert", {
  description: "A pending or fired alert of one of the ticket's SLA clocks.",
  fields: (t) => ({
    kind: t.expose("kind", { type: SlaAlertKind, description: KIND }),
    threshold: t.exposeFloat("threshold", { description: THRESHOLD }),
    alertAt: t.expose("fireAt", { type: "DateTime", description: "When it is (or was) due." }),
    firedAt: t.expose("firedAt", { type: "DateTime", nullable: true, description: "null while pending." }),
    late: t.exposeBoolean("late", { description: `${LATE} false while pending.` }),
    target: t.field({
      type: ResponseTargetKind,
      description: TARGET,
      select: { slaClock: { select: { kind: true } } },
      resolve: (alert) => alert.slaClock.kind,
    }),
  }),
});

builder.prismaObjectField("Ticket", "slaAlerts", (t) =>
  t.relation("alerts", { description: "Pending and fired SLA alerts, by instant.", query: { orderBy: [{ fireAt: "asc" }, { threshold: "asc" }] } }),
);
