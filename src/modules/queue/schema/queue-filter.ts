import type { TicketFilter } from "../domain/index.ts";
import { builder } from "../../../graphql/builder.ts";
import { TicketStatus } from "../../ticket/index.ts";
import { SupportChannel } from "../../tier/index.ts";

const descriptions = {
  statuses: "Default: the open statuses (NEW, AWAITING_INFORMATION, OPEN, AWAITING_CUSTOMER, ON_HOLD).",
  unassigned: "true: only unassigned tickets; false: only assigned ones.",
  breached: "true: a running clock's due instant has passed; false: none has.",
  atRisk: "true: a running clock has used 75 % of its budget and none has breached yet.",
  tierCodes: "Tickets of these tiers (codes, e.g. GOLD); at most 50 entries.",
  priorityRanks: "Tickets of these priority ranks, whole numbers 0–1000.",
  channels: "Tickets that came in on these channels.",
  languages: "Tickets handled in these languages (ISO 639-1, e.g. de).",
  teamIds: "Tickets of these teams (ids as assigned).",
  assigneeIds: "Tickets assigned to these agents (ids as assigned).",
};

export const TicketFilterInput = builder.inputType("TicketFilterInput", {
  description: "Every criterion given must hold; a list matches one of its entries.",
  fields: (t) => ({
    statuses: t.field({ type: [TicketStatus], required: false, description: descriptions.statuses }),
    tierCodes: t.stringList({ required: false, description: descriptions.tierCodes }),
    priorityRanks: t.intList({ required: false, description: descriptions.priorityRanks }),
    channels: t.field({ type: [SupportChannel], required: false, description: descriptions.channels }),
    languages: t.stringList({ required: false, description: descriptions.languages }),
    teamIds: t.stringList({ required: false, description: descriptions.teamIds }),
    assigneeIds: t.stringList({ required: false, description: descriptions.assigneeIds }),
    unassigned: t.boolean({ required: false, description: descriptions.unassigned }),
    breached: t.boolean({ required: false, description: descriptions.breached }),
    atRisk: t.boolean({ required: false, description: descriptions.atRisk }),
  }),
});

export const TicketFilterType = builder.objectRef<TicketFilter>("TicketFilter").implement({
  description: "A saved queue's filter, as stored (absent criteria constrain nothing).",
  fields: (t) => ({
    statuses: t.field({ type: [TicketStatus], nullable: true, description: descriptions.statuses, resolve: (f) => f.statuses ?? null }),
    tierCodes: t.stringList({ nullable: true, description: descriptions.tierCodes, resolve: (f) => f.tierCodes ?? null }),
    priorityRanks: t.intList({ nullable: true, description: descriptions.priorityRanks, resolve: (f) => f.priorityRanks ?? null }),
    channels: t.field({ type: [SupportChannel], nullable: true, description: descriptions.channels, resolve: (f) => f.channels ?? null }),
    languages: t.stringList({ nullable: true, description: descriptions.languages, resolve: (f) => f.languages ?? null }),
    teamIds: t.stringList({ nullable: true, description: descriptions.teamIds, resolve: (f) => f.teamIds ?? null }),
    assigneeIds: t.stringList({ nullable: true, description: descriptions.assigneeIds, resolve: (f) => f.assigneeIds ?? null }),
    unassigned: t.boolean({ nullable: true, description: descriptions.unassigned, resolve: (f) => f.unassigned ?? null }),
    breached: t.boolean({ nullable: true, description: descriptions.breached, resolve: (f) => f.breached ?? null }),
    atRisk: t.boolean({ nullable: true, description: descriptions.atRisk, resolve: (f) => f.atRisk ?? null }),
  }),
});
