import type { TicketFilter } from "../ticket-queue-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { TicketStatus } from "../../ticket/index.ts";
import { SupportChannel } from "../../tier/index.ts";

const descriptions = {
  statuses: "Default: the open statuses (NEW, AWAITING_INFORMATION, OPEN, AWAITING_CUSTOMER, ON_HOLD).",
  unassigned: "true: only unassigned tickets; false: only assigned ones.",
  breached: "true: a running clock's due instant has passed; false: none has.",
  atRisk: "true: a running clock has used 75 % of its budget and none has breached yet.",
};

export const TicketFilterInput = builder.inputType("TicketFilterInput", {
  description: "Every criterion given must hold; a list matches one of its entries.",
  fields: (t) => ({
    statuses: t.field({ type: [TicketStatus], required: false, description: descriptions.statuses }),
    tierCodes: t.stringList({ required: false }),
    priorityRanks: t.intList({ required: false }),
    channels: t.field({ type: [SupportChannel], required: false }),
    languages: t.stringList({ required: false }),
    teamIds: t.stringList({ required: false }),
    assigneeIds: t.stringList({ required: false }),
    unassigned: t.boolean({ required: false, description: descriptions.unassigned }),
    breached: t.boolean({ required: false, description: descriptions.breached }),
    atRisk: t.boolean({ required: false, description: descriptions.atRisk }),
  }),
});

export const TicketFilterType = builder.objectRef<TicketFilter>("TicketFilter").implement({
  description: "A saved queue's filter, as stored (absent criteria constrain nothing).",
  fields: (t) => ({
    statuses: t.field({ type: [TicketStatus], nullable: true, description: descriptions.statuses, resolve: (f) => f.statuses ?? null }),
    tierCodes: t.stringList({ nullable: true, resolve: (f) => f.tierCodes ?? null }),
    priorityRanks: t.intList({ nullable: true, resolve: (f) => f.priorityRanks ?? null }),
    channels: t.field({ type: [SupportChannel], nullable: true, resolve: (f) => f.channels ?? null }),
    languages: t.stringList({ nullable: true, resolve: (f) => f.languages ?? null }),
    teamIds: t.stringList({ nullable: true, resolve: (f) => f.teamIds ?? null }),
    assigneeIds: t.stringList({ nullable: true, resolve: (f) => f.assigneeIds ?? null }),
    unassigned: t.boolean({ nullable: true, description: descriptions.unassigned, resolve: (f) => f.unassigned ?? null }),
    breached: t.boolean({ nullable: true, description: descriptions.breached, resolve: (f) => f.breached ?? null }),
    atRisk: t.boolean({ nullable: true, description: descriptions.atRisk, resolve: (f) => f.atRisk ?? null }),
  }),
});
