import { describedValues } from "../../../graphql/enum-values.ts";
import { canReadAccount } from "../../../auth/policy.ts";
import { ACCOUNT_STATUSES, PAYMENT_STATUSES } from "../domain/account-input.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { globalIdField } from "../../../graphql/input-fields.ts";

export const AccountStatus = builder.enumType("AccountStatus", {
  description: "Whether the vendor serves the account at all; only ACTIVE accounts get their paid level.",
  values: describedValues(ACCOUNT_STATUSES, {
    ACTIVE: "Served as its tier says.",
    SUSPENDED: "Temporarily not served at its paid level: falls back to the included level.",
    CLOSED: "Never eligible for support.",
  }),
});
export const PaymentStatus = builder.enumType("PaymentStatus", {
  description: "Whether the account's payments are up to date; paid levels need CURRENT.",
  values: describedValues(PAYMENT_STATUSES, {
    CURRENT: "Payments are up to date.",
    OVERDUE: "A payment is overdue: a paid level falls back to the included level.",
  }),
});

export const Account = builder.prismaNode("Account", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "A customer of the vendor, identified by the customer number it quotes.",
  authScopes: (account, ctx) => canReadAccount(ctx.viewer, account),
  fields: (t) => ({
    customerNumber: t.exposeString("customerNumber", {
      description: "Unique customer number: 3–32 upper-case letters, digits and inner dashes, e.g. C-10001.",
    }),
    name: t.exposeString("name", { description: "The customer's display name." }),
    status: t.expose("status", { description: "ACTIVE is served; SUSPENDED falls back to the included level; CLOSED is never eligible.", type: AccountStatus }),
    paymentStatus: t.expose("paymentStatus", { description: "OVERDUE makes a paid level fall back to the included level.", type: PaymentStatus }),
    language: t.exposeString("language", { description: "Preferred language, ISO 639-1." }),
    partner: t.relation("partner", { description: "The reseller that sold this account; null when sold directly.", nullable: true }),
    createdAt: t.expose("createdAt", { description: "When the account was created.", type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { description: "When the account last changed.", type: "DateTime" }),
  }),
});

const AccountFilter = builder.inputType("AccountFilter", {
  description: "Which accounts to list; every criterion given must hold.",
  fields: (t) => ({
    status: t.field({ description: "Only accounts with one of these statuses.", type: [AccountStatus], required: false }),
    paymentStatus: t.field({ description: "Only accounts with one of these payment statuses.", type: [PaymentStatus], required: false }),
    partnerCode: t.string({ description: "Only accounts sold by this partner (code, e.g. P-CRMWORKS).", required: false }),
    search: t.string({ required: false, description: "Part of the name or customer number." }),
  }),
});

builder.queryFields((t) => ({
  account: t.prismaField({
    description: "The account with this customer number, or null when there is none or the caller may not see it.",
    type: "Account",
    nullable: true,
    authScopes: { authenticated: true },
    args: { customerNumber: t.arg.string({ description: "Customer number: 3–32 upper-case letters, digits and inner dashes, e.g. C-10001." }) },
    resolve: (query, _root, args, ctx) => ctx.services.accounts.byCustomerNumber(ctx.viewer, args.customerNumber, query),
  }),
  accounts: t.prismaConnection({
    description: "Accounts the caller may see, ordered by customer number.",
    type: "Account",
    cursor: "id",
    maxSize: 200,
    authScopes: { authenticated: true },
    args: { filter: t.arg({ description: "Optional criteria; all given must hold.", type: AccountFilter, required: false }) },
    resolve: (query, _root, args, ctx) => ctx.services.accounts.list(ctx.viewer, args.filter ?? {}, query),
    totalCount: (_root, args, ctx) => ctx.services.accounts.count(ctx.viewer, args.filter ?? {}),
  }),
}));

const AccountCreateInput = builder.inputType("AccountCreateInput", {
  description: "A new customer account.",
  fields: (t) => ({
    customerNumber: t.string({ description: "Unique customer number: 3–32 upper-case letters, digits and inner dashes, e.g. C-20001." }),
    name: t.string({ description: "Display name, 1–200 characters." }),
    status: t.field({ description: "Default ACTIVE.", type: AccountStatus, required: false }),
    paymentStatus: t.field({ description: "Default CURRENT.", type: PaymentStatus, required: false }),
    language: t.string({ description: "ISO 639-1 language the customer is served in, e.g. de; default en.", required: false }),
    partnerCode: t.string({ required: false, description: "Ignored for partners: their accounts are always their own." }),
  }),
});

const AccountUpdateInput = builder.inputType("AccountUpdateInput", {
  description: "Changes to one account; fields left out keep their value, the customer number never changes.",
  fields: (t) => ({
    id: globalIdField(t, "account"),
    name: t.string({ required: false, description: "New display name, 1–200 characters after trimming." }),
    status: t.field({
      type: AccountStatus,
      required: false,
      description: "New status, staff only: SUSPENDED falls back to the included level, CLOSED ends all support.",
    }),
    paymentStatus: t.field({
      type: PaymentStatus,
      required: false,
      description: "New payment status, staff only: OVERDUE makes a paid level fall back to the included level.",
    }),
    language: t.string({ required: false, description: "New language, ISO 639-1 with an optional region, e.g. de or de-AT." }),
    partnerCode: t.string({ required: false, description: "null detaches the account from its partner." }),
  }),
});

builder.mutationFields((t) => ({
  accountCreate: t.prismaField({
    description: "Creates a customer account (ACTIVE, payment OK) with a unique customer number; staff only.",
    type: "Account",
    authScopes: { authenticated: true },
    errors: { types: COMMON_ERRORS, dataField: { name: "account", description: "The account as created." } },
    args: { input: t.arg({ type: AccountCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.accounts.create(ctx.viewer, input, query),
  }),
  accountUpdate: t.prismaField({
    description: "Changes an account's name, language, status or payment status; open tickets follow a status or payment change.",
    type: "Account",
    authScopes: { authenticated: true },
    errors: { types: COMMON_ERRORS, dataField: { name: "account", description: "The account with the changes applied." } },
    args: { input: t.arg({ type: AccountUpdateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.accounts.update(ctx.viewer, { ...input, id: decodeId("id", input.id, "Account").id }, query),
  }),
}));
