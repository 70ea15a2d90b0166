import { IdempotencyKeyReusedError } from "../../../domain/errors.ts";
import { InsufficientUnitsError } from "../domain/index.ts";
import type { LedgerWrite } from "../ledger-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS, ErrorInterface, OFFENDING_FIELD } from "../../../graphql/errors.ts";
import { CUSTOMER_NUMBER } from "../../../graphql/input-fields.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { UnitLedger, UnitLedgerEntry } from "./unit-ledger.ts";

builder.objectType(InsufficientUnitsError, {
  name: "InsufficientUnitsError",
  interfaces: [ErrorInterface],
  description: "The write would take the balance below what the account may owe; nothing was written.",
  isTypeOf: (value) => value instanceof InsufficientUnitsError,
  fields: (t) => ({
    field: t.string({ nullable: true, description: OFFENDING_FIELD, resolve: (error) => error.field ?? null }),
    balance: t.exposeInt("balance", { description: "The balance before the refused write." }),
    shortfall: t.exposeInt("shortfall", { description: "How many more units the write would need." }),
  }),
});

const UnitLedgerWrite = builder.objectRef<LedgerWrite>("UnitLedgerWrite").implement({
  description: "A ledger write: the entry appended, or on a replay of the same idempotency key the entry written the first time.",
  fields: (t) => ({
    entry: t.field({
      type: UnitLedgerEntry,
      description: "The entry appended (or, on a replay, the one appended the first time).",
      resolve: (write) => write.entry,
    }),
    replayed: t.exposeBoolean("replayed", { description: "True when nothing new was written because the key was seen before." }),
  }),
});

const writeResult = { types: [...COMMON_ERRORS, InsufficientUnitsError, IdempotencyKeyReusedError], directResult: true as const };
const idempotencyKey = { description: "Chosen by the client, unique per account and request: a retry with the same key and input returns the first result." };

const UnitsPurchaseInput = builder.inputType("UnitsPurchaseInput", {
  description: "A purchase of prepaid units.",
  fields: (t) => ({
    customerNumber: t.string({ description: "The buying account, e.g. C-10004." }),
    packageCode: t.string({ description: "A live package's code, e.g. UNITS-20." }),
    quantity: t.int({ required: false, description: "How many packages; 1 when omitted." }),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

const REASON = "at most 500 characters, kept on the entry.";

const UnitsAdjustInput = builder.inputType("UnitsAdjustInput", {
  description: "A manual correction of an account's units by staff, with the reason for it.",
  fields: (t) => ({
    customerNumber: t.string({ description: CUSTOMER_NUMBER }),
    units: t.int({ description: "Signed: positive credits, negative debits; never 0." }),
    reason: t.string({ description: `Why, required: ${REASON}` }),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

const UnitsRefundInput = builder.inputType("UnitsRefundInput", {
  description: "Purchased units paid back to the customer; staff only, the balance never goes below 0 by a refund.",
  fields: (t) => ({
    customerNumber: t.string({ description: CUSTOMER_NUMBER }),
    units: t.int({ description: "Units paid back, as a positive count; never more than the balance." }),
    reason: t.string({ required: false, description: `Why, optional: ${REASON}` }),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

const UnitsReverseInput = builder.inputType("UnitsReverseInput", {
  description: "An entry to cancel by appending its opposite; staff only, each entry once, a reversal never.",
  fields: (t) => ({
    entryId: t.id({ description: "Global id of the UnitLedgerEntry to reverse, as its `id` field gives it." }),
    reason: t.string({ description: `Why, required: ${REASON}` }),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

const UnitSettingsUpdateInput = builder.inputType("UnitSettingsUpdateInput", {
  description: "An account's unit settings; staff only, fields left out keep their value.",
  fields: (t) => ({
    customerNumber: t.string({ description: CUSTOMER_NUMBER }),
    lowBalanceThreshold: t.int({ required: false, description: "Warn when the balance falls to this many units or fewer: 0–100,000." }),
    overdraftLimit: t.int({ required: false, description: "How many units below zero work may take the balance: 0–100,000 (0 = prepaid only)." }),
  }),
});

builder.mutationFields((t) => ({
  unitsPurchase: t.field({
    description: "Appends a purchase of a unit package to the account's ledger; idempotent by key (a retry returns the first result).",
    type: UnitLedgerWrite,
    authScopes: { authenticated: true },
    errors: writeResult,
    args: { input: t.arg({ type: UnitsPurchaseInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.ledger.purchase(ctx.viewer, input),
  }),
  unitsAdjust: t.field({
    description: "Appends a manual adjustment of units (positive or negative) with a reason; idempotent by key.",
    type: UnitLedgerWrite,
    authScopes: { authenticated: true },
    errors: writeResult,
    args: { input: t.arg({ type: UnitsAdjustInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.ledger.adjust(ctx.viewer, input),
  }),
  unitsRefund: t.field({
    description: "Appends a refund of purchased units with a reason; idempotent by key.",
    type: UnitLedgerWrite,
    authScopes: { authenticated: true },
    errors: writeResult,
    args: { input: t.arg({ type: UnitsRefundInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.ledger.refund(ctx.viewer, input),
  }),
  unitsReverse: t.field({
    type: UnitLedgerWrite,
    description: "Appends the opposite of an entry; the entry itself is never changed.",
    authScopes: { authenticated: true },
    errors: writeResult,
    args: { input: t.arg({ type: UnitsReverseInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.ledger.reverse(ctx.viewer, { ...input, entryId: decodeId("entryId", input.entryId, "UnitLedgerEntry").id }),
  }),
  unitSettingsUpdate: t.prismaField({
    description: "Sets an account's low-balance threshold and overdraft limit, in units.",
    type: UnitLedger,
    authScopes: { authenticated: true },
    errors: { types: COMMON_ERRORS, dataField: { name: "ledger", description: "The account's ledger with the new settings." } },
    args: { input: t.arg({ type: UnitSettingsUpdateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.ledger.updateSettings(ctx.viewer, input, query),
  }),
}));
