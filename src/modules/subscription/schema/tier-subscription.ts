import { describedValues } from "../../../graphql/enum-values.ts";
import { actorShownTo, isStaff } from "../../../auth/policy.ts";
import { PauseNotSupportedError } from "../domain/errors.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS, errorType } from "../../../graphql/errors.ts";
import { CUSTOMER_NUMBER } from "../../../graphql/input-fields.ts";
import { Money } from "../../../graphql/scalars.ts";

const TierSubscriptionStatus = builder.enumType("TierSubscriptionStatus", {
  description: "Whether a paid level still applies to its account.",
  values: {
    ACTIVE: { description: "Applies now; a cancelled one stays ACTIVE to the end of its paid period." },
    ENDED: { description: "No longer applies (cancelled and past its paid period)." },
  },
});
const TierSubscriptionEventKind = builder.enumType("TierSubscriptionEventKind", {
  description: "What happened to a paid level in one entry of its history.",
  values: describedValues(["SUBSCRIBED", "CHANGED", "CANCELLED", "REBOOKED", "RENEWED", "ENDED"] as const, {
    SUBSCRIBED: "Booked; the first month charged prorated by day.",
    CHANGED: "Moved to another tier; the difference for the days left charged or credited.",
    CANCELLED: "Cancelled; runs to the end of the paid period.",
    REBOOKED: "Booked again after a cancellation.",
    RENEWED: "A new calendar month (Europe/Berlin) charged at the tier's current price.",
    ENDED: "No longer applies.",
  }),
});

errorType(
  PauseNotSupportedError,
  "PauseNotSupportedError",
  "000: a paid level cannot be paused; cancel it (it runs to the end of the paid month) and book it again later.",
);

builder.prismaNode("TierSubscription", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "An account's paid level: monthly periods aligned to calendar months (Europe/Berlin), auto-renewing until cancelled.",
  // Staff and the customer decide on the row; a partner needs the account's partner.
  authScopes: async (subscription, ctx) =>
    isStaff(ctx.viewer) ||
    ctx.viewer.accountId === subscription.accountId ||
    (ctx.viewer.role === "PARTNER" && (await ctx.services.accounts.visible(ctx.viewer, subscription.accountId, { select: { id: true } })) !== null),
  fields: (t) => ({
    account: t.relation("account", { description: "The account that booked it." }),
    tier: t.relation("tier", { description: "The booked tier." }),
    status: t.expose("status", { description: "ACTIVE or ENDED.", type: TierSubscriptionStatus }),
    startedAt: t.expose("startedAt", { description: "When it was booked.", type: "DateTime" }),
    currentPeriodStart: t.expose("currentPeriodStart", { description: "Start of the current paid month (Europe/Berlin).", type: "DateTime" }),
    currentPeriodEnd: t.expose("currentPeriodEnd", { type: "DateTime", description: "Renewal, or for a cancelled level its end." }),
    autoRenew: t.exposeBoolean("autoRenew", { description: "Renews each calendar month; false once cancelled." }),
    firstPeriodCharge: t.field({
      type: Money,
      description: "The prorated first period: monthly price × days left in the month (booking day included) / days in the month, rounded half up to the cent.",
      select: { firstPeriodAmountMinor: true, currency: true },
      resolve: (s) => ({ amountMinor: s.firstPeriodAmountMinor, currency: s.currency }),
    }),
    cancelledAt: t.expose("cancelledAt", { description: "When it was cancelled; null if not cancelled.", type: "DateTime", nullable: true }),
    cancellationReason: t.exposeString("cancellationReason", { description: "Why it was cancelled, as given; null if not cancelled.", nullable: true }),
    endedAt: t.expose("endedAt", { description: "When it ended; null while active.", type: "DateTime", nullable: true }),
    events: t.relation("events", { description: "The change history, oldest first.", query: { orderBy: [{ at: "asc" }, { id: "asc" }] } }),
  }),
});

builder.prismaObject("TierSubscriptionEvent", {
  description: "One entry of an account's paid-level history, append-only.",
  fields: (t) => ({
    kind: t.expose("kind", { type: TierSubscriptionEventKind, description: "What happened: booked, changed, cancelled, booked again, renewed or ended." }),
    at: t.expose("at", { type: "DateTime", description: "When it took effect; RENEWED and ENDED at the period boundary, not when the run noticed it." }),
    actor: t.string({
      description: 'Staff see the API token id behind the change, ADMIN_TOKEN or system; customers and partners see their own id, system or "support".',
      select: { actor: true },
      resolve: (event, _args, ctx) => actorShownTo(ctx.viewer, event.actor),
    }),
    fromTier: t.relation("fromTier", { nullable: true, description: "The level before: CHANGED, CANCELLED and ENDED; null otherwise." }),
    toTier: t.relation("toTier", { nullable: true, description: "The level after: SUBSCRIBED, CHANGED, REBOOKED and RENEWED; null otherwise." }),
    periodStart: t.expose("periodStart", {
      type: "DateTime",
      nullable: true,
      description: "Start of the paid period the entry charged or began; null when none.",
    }),
    periodEnd: t.expose("periodEnd", {
      type: "DateTime",
      nullable: true,
      description: "End of that paid period (for CANCELLED: when the level will end); null when none.",
    }),
    amount: t.field({
      type: Money,
      nullable: true,
      description: "SUBSCRIBED: the prorated first period; RENEWED: a month; CHANGED: the prorated difference (negative = credit).",
      select: { amountMinor: true, currency: true },
      resolve: (e) => (e.amountMinor === null || e.currency === null ? null : { amountMinor: e.amountMinor, currency: e.currency }),
    }),
    reason: t.exposeString("reason", { nullable: true, description: "CANCELLED: the reason given, as given; null otherwise." }),
  }),
});

builder.prismaObjectField("Account", "tierSubscriptions", (t) =>
  t.relation("tierSubscriptions", {
    description: "Every paid level the account held, newest first.",
    query: { orderBy: [{ startedAt: "desc" }, { id: "desc" }] },
  }),
);

const TierSubscriptionsRenewed = builder.objectRef<{ renewed: number; ended: number }>("TierSubscriptionsRenewed").implement({
  description: "What a renewal run did: how many paid levels it renewed and how many it ended.",
  fields: (t) => ({
    renewed: t.exposeInt("renewed", { description: "Subscriptions rolled into a new month (one per month caught up), charged at the tier's current price." }),
    ended: t.exposeInt("ended", { description: "Cancelled subscriptions ended at their period end." }),
  }),
});

const TierSubscribeInput = builder.inputType("TierSubscribeInput", {
  description: "A paid level to book for an account from now; at most one paid level is active per account.",
  fields: (t) => ({
    customerNumber: t.string({ description: CUSTOMER_NUMBER }),
    tierCode: t.string({ description: "A paid level; booking a cancelled one again withdraws the cancellation." }),
  }),
});
const TierSubscriptionChangeInput = builder.inputType("TierSubscriptionChangeInput", {
  description: "The paid level an account with an active one moves to, at once.",
  fields: (t) => ({
    customerNumber: t.string({ description: CUSTOMER_NUMBER }),
    tierCode: t.string({ description: "The new paid level's code, e.g. GOLD; not the level held now." }),
  }),
});
const TierSubscriptionCancelInput = builder.inputType("TierSubscriptionCancelInput", {
  description: "An account's active paid level to cancel; it runs to the end of the paid month.",
  fields: (t) => ({
    customerNumber: t.string({ description: CUSTOMER_NUMBER }),
    confirm: t.boolean({ required: false, description: "Must be true." }),
    reason: t.string({ required: false, description: "Why, optional, at most 500 characters; kept as cancellationReason." }),
  }),
});
const TierSubscriptionPauseInput = builder.inputType("TierSubscriptionPauseInput", {
  description: "An account whose paid level would be paused; always refused (000: no pause).",
  fields: (t) => ({ customerNumber: t.string({ description: CUSTOMER_NUMBER }) }),
});
const TierSubscriptionsRenewInput = builder.inputType("TierSubscriptionsRenewInput", {
  description: "Which accounts a renewal run covers.",
  fields: (t) => ({ customerNumber: t.string({ required: false, description: "Only this account; all when left out." }) }),
});

const result = { types: COMMON_ERRORS, dataField: { name: "subscription", description: "The account's paid level as it is after the write." } };

builder.queryField("tierSubscriptionHistory", (t) =>
  t.prismaField({
    type: ["TierSubscriptionEvent"],
    authScopes: { authenticated: true },
    description: "Every booking, change, cancellation, renewal and end of the account's paid levels, oldest first.",
    args: { customerNumber: t.arg.string({ description: "The account's customer number, e.g. C-10001." }) },
    resolve: (query, _root, { customerNumber }, ctx) => ctx.services.tierSubscriptions.history(ctx.viewer, customerNumber, query),
  }),
);

builder.mutationFields((t) => ({
  tierSubscribe: t.prismaField({
    description: "Books a paid tier for an account from now, charging the first month prorated by day; at most one active paid tier per account.",
    type: "TierSubscription",
    authScopes: { authenticated: true },
    errors: result,
    args: { input: t.arg({ type: TierSubscribeInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.tierSubscriptions.subscribe(ctx.viewer, input, query),
  }),
  tierSubscriptionChange: t.prismaField({
    type: "TierSubscription",
    authScopes: { authenticated: true },
    description: "Upgrade or downgrade at once; there is no minimum term.",
    errors: result,
    args: { input: t.arg({ type: TierSubscriptionChangeInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.tierSubscriptions.change(ctx.viewer, input, query),
  }),
  tierSubscriptionCancel: t.prismaField({
    type: "TierSubscription",
    authScopes: { authenticated: true },
    description: "Needs confirm: true. The level runs to the end of the paid period.",
    errors: result,
    args: { input: t.arg({ type: TierSubscriptionCancelInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.tierSubscriptions.cancel(ctx.viewer, input, query),
  }),
  tierSubscriptionPause: t.prismaField({
    type: "TierSubscription",
    authScopes: { authenticated: true },
    description: "Always a PauseNotSupportedError: cancel, and book again when needed.",
    errors: { ...result, types: [PauseNotSupportedError, ...COMMON_ERRORS] },
    args: { input: t.arg({ type: TierSubscriptionPauseInput, description: "What to do; each input field states its rule." }) },
    resolve: (_query, _root, _args, ctx) => ctx.services.tierSubscriptions.pause(),
  }),
  tierSubscriptionsRenew: t.field({
    type: TierSubscriptionsRenewed,
    authScopes: { admin: true },
    description: "Renews or ends every subscription whose period has ended (also run at start-up). Idempotent.",
    errors: { types: COMMON_ERRORS, directResult: true },
    args: {
      input: t.arg({ description: "Optional: only one account; absent renews every account due now.", type: TierSubscriptionsRenewInput, required: false }),
    },
    resolve: (_root, { input }, ctx) => ctx.services.tierSubscriptions.renewDueBy(ctx.viewer, input?.customerNumber),
  }),
}));
