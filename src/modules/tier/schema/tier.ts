import { isWrittenChannel } from "../domain/channels.ts";
import { builder } from "../../../graphql/builder.ts";
import { BusinessCalendar } from "../../calendar/index.ts";
import { ClockMode, DurationUnit } from "../../calendar/index.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import type { InputFields } from "../../../graphql/input-fields.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { Money, MoneyInput } from "../../../graphql/scalars.ts";
import { ResponseTargetKind, SupportChannel, TierEntitlement, TierPriority } from "./tier-types.ts";

const calendarOf = { type: BusinessCalendar, select: { calendarId: true } } as const;

export const Tier = builder.prismaNode("Tier", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "A support level: price, priority, response targets, channels and entitlements.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString("code", { description: "Unique code, upper-case, e.g. GOLD." }),
    name: t.exposeString("name", { description: "A name for people, e.g. Gold." }),
    monthlyPrice: t.field({
      type: Money,
      description: "0 for included levels and for levels paid from prepaid units.",
      select: { priceMinor: true, currency: true },
      resolve: (tier) => ({ amountMinor: tier.priceMinor, currency: tier.currency }),
    }),
    includedByDefault: t.exposeBoolean("includedByDefault", {
      description: "Every account has this level without booking, and falls back to it when a paid level does not apply.",
    }),
    priority: t.field({
      description: "Rank (higher is more urgent) and label of its tickets.",
      type: TierPriority,
      select: { priorityRank: true, priorityLabel: true },
      resolve: (tier) => ({ rank: tier.priorityRank, label: tier.priorityLabel }),
    }),
    targets: t.relation("targets", { description: "Its response targets: amount, unit, clock mode and calendar each.", query: { orderBy: { kind: "asc" } } }),
    warningThresholds: t.exposeFloatList("warningThresholds", { description: "Fractions of a target's budget at which warnings go out." }),
    channels: t.relation("channels", {
      description: "The channels this level offers, each with its calendar and languages.",
      query: { orderBy: { channel: "asc" } },
    }),
    entitlements: t.expose("entitlements", { description: "What the level includes beyond answering.", type: [TierEntitlement] }),
    unitBased: t.exposeBoolean("unitBased", { description: "Work is paid from prepaid support units." }),
    partnerSaleCutoff: t.expose("partnerSaleCutoff", {
      type: "LocalTime",
      nullable: true,
      description: "A partner-sold account created before this local time gets this level for the rest of that day (zone of the FIRST_RESPONSE calendar).",
    }),
    archivedAt: t.expose("archivedAt", { description: "When it was archived; null while bookable.", type: "DateTime", nullable: true }),
  }),
});

builder.prismaObject("TierTarget", {
  description: "A response target: amount on a clock in a calendar, guaranteed or best effort.",
  fields: (t) => ({
    kind: t.expose("kind", { type: ResponseTargetKind, description: "Which event the target measures; at most one target of each kind per tier." }),
    amount: t.exposeInt("amount", { description: "The target's size in `unit`, a whole number from 1, e.g. 4 (hours)." }),
    unit: t.expose("unit", { type: DurationUnit, description: "MINUTES, HOURS or DAYS of `clock` time." }),
    clock: t.expose("clock", { type: ClockMode, description: "Which time counts: open hours, whole working days or all time." }),
    calendar: t.field({
      ...calendarOf,
      description: "The business calendar whose hours and holidays the clock counts in.",
      resolve: (target, _args, ctx) => ctx.services.calendars.require(target.calendarId),
    }),
    guaranteed: t.exposeBoolean("guaranteed", { description: "false = best effort." }),
    endOfDay: t.exposeBoolean("endOfDay", {
      description:
        "DAYS only. true: due when the clock's time ends on the Nth day it runs, that first day counted (1 DAYS on BUSINESS_HOURS = by the close of the day the clock starts: the same day); false: the same wall time N days on.",
    }),
  }),
});

builder.prismaObject("TierChannel", {
  description: "A channel a tier offers, with its own staffed hours and languages.",
  fields: (t) => ({
    channel: t.expose("channel", { type: SupportChannel, description: "The channel offered; each at most once per tier." }),
    calendar: t.field({ ...calendarOf, description: "When the channel is staffed.", resolve: (c, _args, ctx) => ctx.services.calendars.require(c.calendarId) }),
    languages: t.exposeStringList("languages", { description: "ISO 639-1 codes it is staffed in, 1–20, e.g. en, fr." }),
    pinRequired: t.exposeBoolean("pinRequired", { description: "Agents verify the customer's support PIN on this channel." }),
    written: t.boolean({
      description: "A written channel: the only kind written-only request types may use.",
      select: { channel: true },
      resolve: (c) => isWrittenChannel(c.channel),
    }),
  }),
});

const TierPriorityInput = builder.inputType("TierPriorityInput", {
  description: "The priority a tier stamps on its tickets.",
  fields: (t) => ({
    rank: t.int({ description: "Whole number 0–1000; higher is more urgent and comes first in queues." }),
    label: t.string({ description: "The rank's name for people, 1–40 characters after trimming, e.g. high." }),
  }),
});
const TierTargetInput = builder.inputType("TierTargetInput", {
  description: "One response target of a tier.",
  fields: (t) => ({
    kind: t.field({ description: "Which event the target measures.", type: ResponseTargetKind }),
    amount: t.int({ description: "How much time: a whole number from 1 (DAYS: whole days)." }),
    unit: t.field({ description: "MINUTES, HOURS or DAYS.", type: DurationUnit }),
    clock: t.field({ description: "Which time counts: BUSINESS_HOURS, WORKING_DAYS or CALENDAR.", type: ClockMode }),
    calendarId: t.id({ description: "Global id of the business calendar it counts in." }),
    guaranteed: t.boolean({ description: "true: a promise; false: best effort, computed the same way. Default true." }),
    endOfDay: t.boolean({
      required: false,
      description:
        "DAYS only: due at the end of the Nth day the clock runs, the day it starts counted as the first (1 = the same day, e.g. 001's remote session); default false (the same wall time N days on).",
    }),
  }),
});
const TierChannelInput = builder.inputType("TierChannelInput", {
  description: "A channel the tier offers; each channel at most once per tier.",
  fields: (t) => ({
    channel: t.field({ type: SupportChannel, description: "The channel offered; each channel at most once per tier." }),
    calendarId: t.id({ description: "Global id of the business calendar of its staffed hours." }),
    languages: t.stringList({ description: "ISO 639-1 codes." }),
    pinRequired: t.boolean({ required: false, description: "Agents verify the customer's support PIN here first (004: chat and phone); default false." }),
  }),
});

/** The tier fields of both inputs; `required` marks what a new tier must have. */
function tierInputFields<R extends boolean>(t: InputFields, required: R) {
  return {
    name: t.string({ required, description: "A name for people, 1–200 characters after trimming, e.g. Gold." }),
    monthlyPrice: t.field({ type: MoneyInput, required, description: "Price per calendar month, the first month prorated by day; 0 for the included level." }),
    includedByDefault: t.boolean({ required: false, description: "At most one live tier is the included level." }),
    priority: t.field({ type: TierPriorityInput, required, description: "Rank and label its tickets are served by." }),
    targets: t.field({ type: [TierTargetInput], required, description: "FIRST_RESPONSE is required when the tier has channels. Replaces all targets." }),
    warningThresholds: t.floatList({ required: false, description: "Default [0.75, 0.9]." }),
    channels: t.field({ type: [TierChannelInput], required, description: "Replaces all channels." }),
    entitlements: t.field({
      type: [TierEntitlement],
      required: false,
      description: "What it includes beyond answering; replaces the whole list; default none.",
    }),
    unitBased: t.boolean({ required: false, description: "Work is paid from the account's prepaid units (001 premium); default false." }),
    partnerSaleCutoff: t.field({ type: "LocalTime", required: false, description: "null removes the partner-sale grant." }),
  };
}

const TierCreateInput = builder.inputType("TierCreateInput", {
  description: "A new support tier.",
  fields: (t) => ({
    code: t.string({ description: "Unique code, 2–32 letters, digits and inner dashes, stored upper-case, e.g. GOLD." }),
    ...tierInputFields(t, true),
  }),
});
const TierUpdateInput = builder.inputType("TierUpdateInput", {
  description: "Fields left out are kept.",
  fields: (t) => ({ code: t.string({ description: "The tier to change; codes never change." }), ...tierInputFields(t, false) }),
});
const TierArchiveInput = builder.inputType("TierArchiveInput", {
  description: "A tier to take out of the catalog; archiving it again keeps the first archivedAt.",
  fields: (t) => ({ code: t.string({ description: "The tier's code, e.g. GOLD; any case." }) }),
});

type WithGlobalIds = { targets?: { calendarId: string }[] | null; channels?: { calendarId: string }[] | null };

/** Replaces the calendars' global ids by their ids; a malformed one is a ValidationError at its path. */
function decodeCalendars<T extends WithGlobalIds>(input: T): T {
  const decode = (list: string) => (part: { calendarId: string }, index: number) => ({
    ...part,
    calendarId: decodeId(`${list}.${index}.calendarId`, part.calendarId, "BusinessCalendar").id,
  });
  return { ...input, targets: input.targets?.map(decode("targets")), channels: input.channels?.map(decode("channels")) };
}

builder.queryFields((t) => ({
  tiers: t.prismaConnection({
    type: "Tier",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "The tier catalog, by priority rank.",
    args: { includeArchived: t.arg.boolean({ description: "Include archived tiers; default false.", required: false }) },
    resolve: (query, _root, args, ctx) => ctx.services.tiers.list(args, query),
    totalCount: (_root, args, ctx) => ctx.services.tiers.count(args),
  }),
  tier: t.prismaField({
    description: "The tier with this code, or null.",
    type: "Tier",
    nullable: true,
    authScopes: { authenticated: true },
    args: { code: t.arg.string({ description: "Tier code, upper-case, e.g. GOLD." }) },
    resolve: (query, _root, { code }, ctx) => ctx.services.tiers.byCode(code, query),
  }),
}));

const result = { types: COMMON_ERRORS, dataField: { name: "tier", description: "The tier as it is after the write." } };

builder.mutationFields((t) => ({
  tierCreate: t.prismaField({
    description: "Creates a support tier: price, priority, response targets, thresholds, channels and entitlements.",
    type: "Tier",
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: TierCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.tiers.create(ctx.viewer, decodeCalendars(input), query),
  }),
  tierUpdate: t.prismaField({
    description: "Changes a tier; open tickets keep the targets their clocks copied at intake.",
    type: "Tier",
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: TierUpdateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.tiers.update(ctx.viewer, decodeCalendars(input), query),
  }),
  tierArchive: t.prismaField({
    description: "Archives a support tier: existing subscriptions run on, new bookings are refused.",
    type: "Tier",
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: TierArchiveInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.tiers.archive(ctx.viewer, input.code, query),
  }),
}));
