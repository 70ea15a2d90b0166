import { describedValues } from "../../../graphql/enum-values.ts";
import { canReadAccount, isStaff } from "../../../auth/policy.ts";
import { BOOKING_LIMITS } from "../domain/booking-slots.ts";
import { BOOKING_KINDS, type BOOKING_STATES } from "../domain/booking-state.ts";
import type { ProposedSlot } from "../domain/business-hours.ts";
import { AtLeastTwoProposalsRequiredError, PremiumRequiredError } from "../domain/errors.ts";
import { BookingTransitionError } from "../domain/booking-state.ts";
import { IdempotencyKeyReusedError } from "../../../domain/errors.ts";
import { InsufficientUnitsError } from "../../ledger/domain/index.ts";
import { proposalsOf } from "../booking-rows.ts";
import type { BookingWrite } from "../booking-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS, errorType } from "../../../graphql/errors.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { CUSTOMER_NUMBER, globalIdField, type InputFields } from "../../../graphql/input-fields.ts";
import { TierEntitlement } from "../../tier/index.ts";
import "../../account/index.ts";
import "../../ledger/index.ts";

const BookingKind = builder.enumType("BookingKind", {
  description: "What a booking reserves staff time for; each needs its own tier entitlement.",
  values: describedValues(BOOKING_KINDS, {
    REMOTE_SESSION: "A remote support session (entitlement REMOTE_SESSION).",
    INSTALLATION: "One installation on the customer's computer (entitlement INSTALLATION).",
  }),
});
const BookingState = builder.enumType("BookingState", {
  description: "Where a booking stands: REQUESTED → CONFIRMED → DONE, or CANCELLED from either of the first two.",
  values: {
    REQUESTED: { description: "Proposed slots wait for staff to confirm one." },
    CONFIRMED: { description: "Staff confirmed one proposal: confirmedStart–confirmedEnd." },
    DONE: { description: "The session took place." },
    CANCELLED: { description: "Cancelled before it was done; frees the product for a new booking." },
  } satisfies Record<(typeof BOOKING_STATES)[number], object>,
});

builder.objectFields(
  errorType(
    AtLeastTwoProposalsRequiredError,
    "AtLeastTwoProposalsRequiredError",
    "A proposed start lies outside the bookable hours, where at least two proposals are needed (001); nothing was booked.",
    true,
  ),
  (t) => ({
    suggestedStart: t.field({
      type: "DateTime",
      nullable: true,
      description: "The first slot of the same length inside the hours after the one proposed (within 31 days), if any.",
      resolve: (error) => error.suggestedStart,
    }),
  }),
);
builder.objectFields(
  errorType(
    PremiumRequiredError,
    "PremiumRequiredError",
    "The account's effective tier lacks the entitlement this booking needs; nothing was booked; book one of `offeredBy` first.",
    true,
  ),
  (t) => ({
    entitlement: t.field({
      type: TierEntitlement,
      description: "The entitlement the booking needs: REMOTE_SESSION or INSTALLATION.",
      resolve: (error) => error.entitlement,
    }),
    offeredBy: t.stringList({ description: "Codes of the paid levels that include it.", resolve: (error) => [...error.offeredBy] }),
  }),
);
builder.objectFields(
  errorType(
    BookingTransitionError,
    "BookingTransitionError",
    "The booking's state does not allow this step (e.g. confirming a cancelled one); nothing changed; code INVALID_TRANSITION.",
  ),
  (t) => ({
    state: t.field({ type: BookingState, description: "The booking's current state.", resolve: (error) => error.state }),
  }),
);

const BookingSlot = builder.objectRef<ProposedSlot>("BookingSlot").implement({
  description: "One proposed start and its end, and whether it lies inside the bookable hours.",
  fields: (t) => ({
    start: t.expose("start", { description: "Proposed start, on a whole minute.", type: "DateTime" }),
    end: t.expose("end", { description: "Start plus the booking's duration.", type: "DateTime" }),
    insideHours: t.exposeBoolean("insideHours", { description: "Inside the tier's session hours when requested." }),
  }),
});

builder.prismaNode("Booking", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description:
    "A remote session or an installation: proposed slots until staff confirm one. Booked in the hours of the tier's REMOTE_SESSION channel (else its FIRST_RESPONSE calendar); outside them at least two proposals are needed.",
  include: { account: { select: { id: true, partnerId: true } } },
  authScopes: (booking, ctx) => canReadAccount(ctx.viewer, booking.account),
  fields: (t) => ({
    account: t.relation("account", { description: "The account the session is for." }),
    kind: t.expose("kind", { description: "A remote session or an installation.", type: BookingKind }),
    state: t.expose("state", { description: "Where the booking stands: REQUESTED, CONFIRMED, DONE or CANCELLED.", type: BookingState }),
    tier: t.relation("tier", { description: "The effective tier whose entitlement admitted the request." }),
    proposals: t.field({
      type: [BookingSlot],
      description: "In the customer's order of preference.",
      select: { proposals: true },
      resolve: (booking) => proposalsOf(booking),
    }),
    durationMinutes: t.exposeInt("durationMinutes", { description: "Length of the session in minutes, 15–480." }),
    confirmedStart: t.expose("confirmedStart", {
      description: "Start of the proposal staff confirmed; null before confirmation.",
      type: "DateTime",
      nullable: true,
    }),
    confirmedEnd: t.expose("confirmedEnd", {
      description: "End of the confirmed slot: confirmedStart + durationMinutes; null before confirmation.",
      type: "DateTime",
      nullable: true,
    }),
    installations: t.int({
      description: "How many installations the booking covers: 1 for INSTALLATION (001), 0 for a remote session.",
      select: { kind: true },
      resolve: (booking) => (booking.kind === "INSTALLATION" ? 1 : 0),
    }),
    product: t.exposeString("product", {
      description: "The product to install (installations); compared case-insensitively for the one-open-booking rule.",
      nullable: true,
    }),
    note: t.exposeString("note", { description: "Free text from the requester; null if none.", nullable: true }),
    workedMinutes: t.exposeInt("workedMinutes", {
      description: "Minutes of work recorded at completion (debited on unit-based tiers, never for an installation); null before.",
      nullable: true,
    }),
    unitDebit: t.relation("unitEntry", { nullable: true, description: "The WORK_DEBIT entry completion wrote for a unit-based tier." }),
    cancellationReason: t.exposeString("cancellationReason", { description: "Why it was cancelled, as given; null when not cancelled.", nullable: true }),
    createdBy: t.string({
      nullable: true,
      description: "The API token (or ADMIN_TOKEN) that asked for the booking; shown to staff only.",
      select: { createdBy: true },
      resolve: (booking, _args, ctx) => (isStaff(ctx.viewer) ? booking.createdBy : null),
    }),
    confirmedAt: t.expose("confirmedAt", { description: "When staff confirmed a proposal; null before.", type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { description: "When staff marked it done; null before.", type: "DateTime", nullable: true }),
    cancelledAt: t.expose("cancelledAt", { description: "When it was cancelled; null when not cancelled.", type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { description: "When it was requested.", type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { description: "When it last changed.", type: "DateTime" }),
  }),
});

const BookingRequested = builder.objectRef<BookingWrite>("BookingRequested").implement({
  description: "The booking asked for, or on a replay of the same idempotency key the booking created the first time.",
  fields: (t) => ({
    booking: t.prismaField({
      type: "Booking",
      description: "The booking in state REQUESTED, as written (or as first written, on a replay).",
      resolve: (query, write, _args, ctx) => ctx.services.bookings.reread(write.booking.id, query),
    }),
    replayed: t.exposeBoolean("replayed", { description: "True when nothing new was written because the key was seen before." }),
  }),
});

const { minMinutes, maxMinutes, maxProposals, horizonDays } = BOOKING_LIMITS;
const requestFields = (t: InputFields) => ({
  customerNumber: t.string({ description: `${CUSTOMER_NUMBER} Staff book for any account, a partner for its own customers, a customer for itself.` }),
  proposals: t.field({
    type: ["DateTime"],
    description: `1–${maxProposals} start times, most preferred first, from now to ${horizonDays} days ahead. One is enough inside the hours; outside them at least two.`,
  }),
  durationMinutes: t.int({ description: `${minMinutes}–${maxMinutes}.` }),
  product: t.string({ required: false, description: "What is installed or worked on." }),
  note: t.string({ required: false, description: "Free text for the supporter, at most 2000 characters; empty counts as none." }),
  idempotencyKey: t.string({
    description: "Chosen by the client, unique per account and request: a retry with the same key and input returns the first result.",
  }),
});
const RemoteSessionBookInput = builder.inputType("RemoteSessionBookInput", {
  description: "A request for a remote session with 1–5 proposed starts.",
  fields: requestFields,
});
const InstallationBookInput = builder.inputType("InstallationBookInput", {
  description: "A booking covers one installation: one open installation booking per account and product.",
  fields: requestFields,
});
const BookingConfirmInput = builder.inputType("BookingConfirmInput", {
  description: "Which proposal of a REQUESTED booking staff confirm; its start must not have passed.",
  fields: (t) => ({ id: globalIdField(t, "booking"), proposal: t.int({ description: "Index into the booking's proposals, from 0." }) }),
});
const BookingCompleteInput = builder.inputType("BookingCompleteInput", {
  description: "A CONFIRMED booking that took place, with the minutes worked.",
  fields: (t) => ({
    id: globalIdField(t, "booking"),
    workedMinutes: t.int({ required: false, description: "Required for remote sessions on unit-based tiers: debited as units of 15 minutes, rounded up." }),
  }),
});
const BookingCancelInput = builder.inputType("BookingCancelInput", {
  description: "A REQUESTED or CONFIRMED booking to cancel.",
  fields: (t) => ({
    id: globalIdField(t, "booking"),
    reason: t.string({ required: false, description: "Why, kept as cancellationReason; at most 500 characters, empty counts as none." }),
  }),
});

builder.queryField("bookings", (t) =>
  t.prismaConnection({
    type: "Booking",
    cursor: "id",
    maxSize: 200,
    authScopes: { authenticated: true },
    description: "Bookings of the accounts the caller may see, oldest request first.",
    args: {
      customerNumber: t.arg.string({ description: "Only this account's bookings; absent means every account the caller may see.", required: false }),
      state: t.arg({ description: "Only these states; absent or empty means all.", type: [BookingState], required: false }),
      kind: t.arg({ description: "Only these kinds; absent or empty means all.", type: BookingKind, required: false }),
    },
    resolve: (query, _root, args, ctx) => ctx.services.bookings.list(ctx.viewer, args, query),
    totalCount: (_root, args, ctx) => ctx.services.bookings.count(ctx.viewer, args),
  }),
);

const bookingId = (input: { id: string }) => decodeId("id", input.id, "Booking").id;
const requestResult = {
  types: [...COMMON_ERRORS, AtLeastTwoProposalsRequiredError, PremiumRequiredError, IdempotencyKeyReusedError],
  directResult: true as const,
};
const stepResult = {
  types: [...COMMON_ERRORS, BookingTransitionError],
  dataField: { name: "booking", description: "The booking after the step, in its new state." },
};

builder.mutationFields((t) => ({
  remoteSessionBook: t.field({
    type: BookingRequested,
    authScopes: { authenticated: true },
    description: "Needs a tier with REMOTE_SESSION (premium).",
    errors: requestResult,
    args: { input: t.arg({ type: RemoteSessionBookInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.bookings.request(ctx.viewer, "REMOTE_SESSION", input),
  }),
  installationBook: t.field({
    type: BookingRequested,
    authScopes: { authenticated: true },
    description:
      "Books installation support, a product of its own: needs a level with INSTALLATION (001: the free level too, no premium). Covers one installation of one product; one proposal inside the session hours (001: Mon–Fri 07–18), at least two outside them. Never debits prepaid units.",
    errors: requestResult,
    args: { input: t.arg({ type: InstallationBookInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.bookings.request(ctx.viewer, "INSTALLATION", input),
  }),
  bookingConfirm: t.prismaField({
    type: "Booking",
    authScopes: { authenticated: true },
    description: "Staff: confirm one proposal that has not begun.",
    errors: stepResult,
    args: { input: t.arg({ type: BookingConfirmInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.bookings.confirm(ctx.viewer, { ...input, id: bookingId(input) }, query),
  }),
  bookingComplete: t.prismaField({
    type: "Booking",
    authScopes: { authenticated: true },
    description:
      "Staff: the confirmed session took place; a unit-based tier's units are debited with it (a remote session; an installation is its own product).",
    errors: { ...stepResult, types: [...stepResult.types, InsufficientUnitsError] },
    args: { input: t.arg({ type: BookingCompleteInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.bookings.complete(ctx.viewer, { ...input, id: bookingId(input) }, query),
  }),
  bookingCancel: t.prismaField({
    type: "Booking",
    authScopes: { authenticated: true },
    description: "A requested or confirmed booking; whoever may request it may cancel it.",
    errors: stepResult,
    args: { input: t.arg({ type: BookingCancelInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.bookings.cancel(ctx.viewer, { ...input, id: bookingId(input) }, query),
  }),
}));
