import { describedValues } from "../../../graphql/enum-values.ts";
import { PinLockedError } from "../domain/errors.ts";
import type { Account } from "../../../generated/prisma/client.ts";
import type { PinVerification } from "../support-pin-service.ts";
import { Account as AccountRef } from "../../account/index.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS, ErrorInterface, OFFENDING_FIELD } from "../../../graphql/errors.ts";
import { CUSTOMER_NUMBER } from "../../../graphql/input-fields.ts";

builder.objectType(PinLockedError, {
  name: "PinLockedError",
  description: "Five wrong support PINs in a row locked verification for 15 minutes; this attempt was not checked; code PIN_LOCKED.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof PinLockedError,
  fields: (t) => ({
    field: t.string({ nullable: true, description: OFFENDING_FIELD, resolve: (error) => error.field ?? null }),
    lockedUntil: t.field({
      type: "DateTime",
      nullable: true,
      description: "Verification is refused until then; always set here, nullable only so it merges with SupportPinVerification.lockedUntil in one selection.",
      resolve: (error) => error.lockedUntil,
    }),
  }),
});

builder.prismaObjectFields("Account", (t) => ({
  supportPinSet: t.boolean({
    description: "Whether a support PIN has been issued (the PIN itself is shown once, at rotation).",
    select: { supportPinHash: true },
    resolve: (account) => account.supportPinHash !== null,
  }),
  pinLockedUntil: t.expose("pinLockedUntil", { type: "DateTime", nullable: true, description: "Set after five wrong PINs in a row." }),
}));

const SupportPinIssued = builder.objectRef<{ pin: string; account: Account }>("SupportPinIssued").implement({
  description: "A new support PIN, shown this once; only its hash is stored.",
  fields: (t) => ({
    pin: t.exposeString("pin", { description: "The new 6-digit support PIN. Shown only this once; the old one stops working." }),
    account: t.field({ type: AccountRef, description: "The account the PIN identifies.", resolve: (issued) => issued.account }),
  }),
});

const SupportPinOutcome = builder.enumType("SupportPinOutcome", {
  description: "The result of checking one support PIN.",
  values: describedValues(["VERIFIED", "WRONG_PIN", "NO_PIN"] as const, {
    VERIFIED: "The PIN matched.",
    WRONG_PIN: "The PIN did not match; five in a row lock verification for 15 minutes.",
    NO_PIN: "The account has no PIN yet (supportPinRotate issues one).",
  }),
});
const SupportPinVerification = builder.objectRef<PinVerification>("SupportPinVerification").implement({
  description: "The answer to one PIN check by a chat or phone agent; every check is audited.",
  fields: (t) => ({
    verified: t.exposeBoolean("verified", { description: "true only when the PIN matched (outcome VERIFIED); the caller is then identified." }),
    outcome: t.expose("outcome", { type: SupportPinOutcome, description: "NO_PIN: the account has no support PIN yet." }),
    attemptsLeft: t.exposeInt("attemptsLeft", { description: "Wrong PINs left before verification locks for 15 minutes." }),
    lockedUntil: t.expose("lockedUntil", { type: "DateTime", nullable: true, description: "Set when this wrong PIN locked verification." }),
  }),
});

const SupportPinRotateInput = builder.inputType("SupportPinRotateInput", {
  description: "The account to issue a new support PIN for; the old PIN stops working.",
  fields: (t) => ({ customerNumber: t.string({ description: CUSTOMER_NUMBER }) }),
});
const SupportPinVerifyInput = builder.inputType("SupportPinVerifyInput", {
  description: "A PIN a caller quoted, to check against the account's.",
  fields: (t) => ({
    customerNumber: t.string({ description: `${CUSTOMER_NUMBER} The account the caller claims to be.` }),
    pin: t.string({ description: "The 6-digit support PIN as the caller quoted it." }),
  }),
});

builder.mutationFields((t) => ({
  supportPinRotate: t.field({
    type: SupportPinIssued,
    authScopes: { authenticated: true },
    description: "Issues a new support PIN for chat and phone identification (the customer itself or staff).",
    errors: { types: COMMON_ERRORS, directResult: true },
    args: { input: t.arg({ type: SupportPinRotateInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.supportPins.rotate(ctx.viewer, input.customerNumber),
  }),
  supportPinVerify: t.field({
    type: SupportPinVerification,
    authScopes: { staff: true },
    description: "For chat and phone agents. Every attempt is audited; five wrong PINs in a row lock verification for 15 minutes.",
    errors: { types: [PinLockedError, ...COMMON_ERRORS], directResult: true },
    args: { input: t.arg({ type: SupportPinVerifyInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.supportPins.verify(ctx.viewer, input.customerNumber, input.pin),
  }),
}));
