import type { ChannelAvailability as Availability, Reason, ResponsePromise as Promised } from "../domain/types.ts";
import type { Entitlement as Answer } from "../entitlement-service.ts";
import { builder } from "../../../graphql/builder.ts";
import type { Context } from "../../../graphql/context.ts";
import { BusinessCalendar } from "../../calendar/index.ts";
import { ClockMode, DurationUnit } from "../../calendar/index.ts";
import { RequiredInformationItem } from "../../request-type/index.ts";
import { EntitlementReasonCode, ResponseTargetKind, SupportChannel, TierPriority } from "../../tier/index.ts";

const calendarOf = (part: { calendarId: string }, _args: unknown, ctx: Context) => ctx.services.calendars.require(part.calendarId);

const EntitlementBasis = builder.enumType("EntitlementBasis", {
  description: "How the effective tier of an entitlement answer came about.",
  values: {
    SUBSCRIPTION: { description: "The account's active paid level." },
    PARTNER_SALE: { description: "A partner sold to the account today before the tier's cutoff." },
    INCLUDED: { description: "The included level: no paid level applies." },
    FALLBACK: { description: "A paid level is not entitled (account status or payment): the included level applies; see fallbackFrom." },
    NONE: { description: "No paid level and no included level in the catalog." },
  },
});

export const EntitlementReason = builder.objectRef<Reason>("EntitlementReason").implement({
  description: "One finding of an entitlement answer: a blocking refusal, or something only reported (a fallback, a PIN to verify).",
  fields: (t) => ({
    code: t.expose("code", { type: EntitlementReasonCode, description: "Stable code for programs to branch on." }),
    message: t.exposeString("message", { description: "What it means and what to do instead, in English, for people." }),
    blocking: t.exposeBoolean("blocking", { description: "false for what the answer only reports: a fallback, a PIN to verify." }),
    nextOpeningAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "CHANNEL_CLOSED: when the channel opens again.",
      resolve: (r) => r.nextOpeningAt ?? null,
    }),
    channel: t.field({ type: SupportChannel, nullable: true, description: "The channel the reason is about.", resolve: (r) => r.channel ?? null }),
    unitBalance: t.int({ nullable: true, description: "UNITS_EXHAUSTED: the account's unit balance.", resolve: (r) => r.unitBalance ?? null }),
    cheapestPackage: t.prismaField({
      type: "UnitPackage",
      nullable: true,
      description: "UNITS_EXHAUSTED: the cheapest unit package on sale, to buy more.",
      resolve: (query, r, _args, ctx) => (r.cheapestPackage ? ctx.services.unitPackages.byId(r.cheapestPackage.id, query) : null),
    }),
  }),
});

const ResponsePromise = builder.objectRef<Promised>("ResponsePromise").implement({
  description: "When the answer is due if a ticket were opened at the question's instant.",
  fields: (t) => ({
    kind: t.expose("kind", { type: ResponseTargetKind, description: "Which of the tier's targets is promised." }),
    dueAt: t.expose("dueAt", { type: "DateTime", nullable: true, description: "null only when the calendar never opens again." }),
    clockStartsAt: t.expose("clockStartsAt", { type: "DateTime", nullable: true, description: "The first moment the target's clock runs." }),
    amount: t.exposeInt("amount", { description: "The target's size in `unit`, e.g. 4 for four working hours." }),
    unit: t.expose("unit", { type: DurationUnit, description: "MINUTES, HOURS or DAYS of `clock` time." }),
    clock: t.expose("clock", { type: ClockMode, description: "Which time counts toward the target: open hours, whole working days or all time." }),
    calendar: t.field({ type: BusinessCalendar, description: "The calendar the promise is counted in.", resolve: calendarOf }),
    guaranteed: t.exposeBoolean("guaranteed", { description: "true: a guaranteed response time; false: best effort, counted the same way." }),
    endOfDay: t.exposeBoolean("endOfDay", {
      description: "true: due at the end of the Nth day the clock runs (1 = the same day) rather than at the same wall time N days on.",
    }),
  }),
});

const ChannelAvailability = builder.objectRef<Availability>("ChannelAvailability").implement({
  description: "One channel of the effective tier at the asked instant: whether it is staffed, in which languages, with which checks.",
  fields: (t) => ({
    channel: t.expose("channel", { type: SupportChannel, description: "The channel this line is about." }),
    open: t.exposeBoolean("open", { description: "Staffed at the asked instant by its calendar (an opening instant is open)." }),
    nextOpeningAt: t.expose("nextOpeningAt", { type: "DateTime", nullable: true, description: "The instant itself when open." }),
    languages: t.stringList({ description: "ISO 639-1 codes the channel is staffed in, e.g. en, fr.", resolve: (c) => [...c.languages] }),
    pinRequired: t.exposeBoolean("pinRequired", { description: "Agents verify the customer's support PIN here before helping." }),
    written: t.exposeBoolean("written", {
      description: "A written channel (ticket, e-mail, portal, form, social, chat): the only ones written-only request types may use.",
    }),
    calendar: t.field({ type: BusinessCalendar, description: "When the channel is staffed.", resolve: calendarOf }),
  }),
});

const Entitlement = builder.objectRef<Answer>("Entitlement").implement({
  description: "What a customer gets for a request on a channel in a language at an instant.",
  fields: (t) => ({
    customerNumber: t.string({ description: "The customer number asked about.", resolve: (e) => e.account.customerNumber }),
    account: t.prismaField({
      description: "The asking account, or null when there is no such account.",
      type: "Account",
      nullable: true,
      resolve: (query, e, _args, ctx) => ctx.services.accounts.visible(ctx.viewer, e.account.id, query),
    }),
    at: t.expose("at", { description: "The instant the answer is for (default now).", type: "DateTime" }),
    channel: t.expose("channel", { description: "The channel asked about.", type: SupportChannel }),
    language: t.exposeString("language", { description: "The language asked about (default the account's)." }),
    requestType: t.prismaField({
      description: "The request type asked about.",
      type: "RequestType",
      resolve: (query, e, _args, ctx) => ctx.services.requestTypes.requireSelected("requestType", e.requestTypeCode, query),
    }),
    eligible: t.exposeBoolean("eligible", { description: "true when no reason blocks." }),
    reasons: t.expose("reasons", { description: "Every reason found, blocking or only reporting; eligible when none blocks.", type: [EntitlementReason] }),
    basis: t.expose("basis", { description: "Why this tier applies: SUBSCRIPTION, PARTNER_SALE, INCLUDED, FALLBACK or NONE.", type: EntitlementBasis }),
    tier: t.prismaField({
      type: "Tier",
      nullable: true,
      description: "The effective tier.",
      resolve: (query, e, _args, ctx) => (e.tier ? ctx.services.tiers.byId(e.tier.id, query) : null),
    }),
    fallbackFrom: t.prismaField({
      type: "Tier",
      nullable: true,
      description: "The paid level that does not apply because of account or payment status.",
      resolve: (query, e, _args, ctx) => (e.fallback ? ctx.services.tiers.byId(e.fallback.from.id, query) : null),
    }),
    fallbackReason: t.field({
      description: "Why a paid level fell back to the included level (e.g. PAYMENT_OVERDUE); null otherwise.",
      type: EntitlementReasonCode,
      nullable: true,
      resolve: (e) => e.fallback?.reason ?? null,
    }),
    priority: t.expose("priority", { description: "The tier's priority for this request; null when not eligible.", type: TierPriority, nullable: true }),
    promise: t.expose("promise", { type: [ResponsePromise], description: "Empty when not eligible." }),
    channels: t.expose("channels", { type: [ChannelAvailability], description: "Every channel of the effective tier." }),
    requiredInformation: t.field({
      type: [RequiredInformationItem],
      description: "The request type's checklist as it applies at this instant.",
      resolve: (e) => e.requiredInformation,
    }),
    pinRequired: t.exposeBoolean("pinRequired", { description: "Agents on this channel verify the support PIN first." }),
    unitBased: t.exposeBoolean("unitBased", { description: "Work is paid from prepaid support units." }),
  }),
});

builder.queryField("entitlement", (t) =>
  t.field({
    type: Entitlement,
    authScopes: { authenticated: true },
    description: "What customer X gets on this channel, now (or at `at`), and by when they will hear back.",
    args: {
      customerNumber: t.arg.string({ description: "The asking account's customer number, e.g. C-10001." }),
      channel: t.arg({ description: "The channel the customer uses for this request.", type: SupportChannel }),
      language: t.arg.string({ required: false, description: "Default: the account's language." }),
      requestType: t.arg.string({ description: "A request type code, e.g. REFUND." }),
      at: t.arg({ type: "DateTime", required: false, description: "Default: now." }),
    },
    resolve: (_root, { requestType, ...args }, ctx) => ctx.services.entitlements.evaluate(ctx.viewer, { ...args, requestTypeCode: requestType }),
  }),
);

/** The answer's GraphQL type, for modules that add fields to it (the help centre's articles). */
export { Entitlement as EntitlementObject };
