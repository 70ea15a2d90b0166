import { describedValues } from "../../../graphql/enum-values.ts";
import { canReadAccount, isStaff } from "../../../auth/policy.ts";
import { UNIT_ENTRY_KINDS } from "../domain/index.ts";
import { builder } from "../../../graphql/builder.ts";
import { Money } from "../../../graphql/scalars.ts";
import "../../account/index.ts";

export const UnitEntryKind = builder.enumType("UnitEntryKind", {
  description: "What wrote a ledger entry; the sign of its units follows from it (a REVERSAL has the opposite sign of its entry).",
  values: describedValues(UNIT_ENTRY_KINDS, {
    PURCHASE: "Units bought in a package.",
    WORK_DEBIT: "Work logged: ⌈minutes / 15⌉ units debited.",
    ADJUSTMENT: "A manual correction by staff, with a reason.",
    REFUND: "Purchased units refunded.",
    REVERSAL: "The opposite of an earlier entry (unitsReverse).",
  }),
});
const UnitLedgerOrder = builder.enumType("UnitLedgerOrder", {
  description: "The order of a ledger's entries, by their per-account sequence number.",
  values: describedValues(["NEWEST_FIRST", "OLDEST_FIRST"] as const, {
    NEWEST_FIRST: "Highest seq first.",
    OLDEST_FIRST: "Lowest seq first.",
  }),
});

export const UnitLedgerEntry = builder.prismaNode("UnitLedgerEntry", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "One append-only line of an account's unit ledger. Mistakes are corrected by a REVERSAL entry, never by editing.",
  include: { account: { select: { id: true, partnerId: true } } },
  authScopes: (entry, ctx) => canReadAccount(ctx.viewer, entry.account),
  fields: (t) => ({
    seq: t.exposeInt("seq", { description: "1, 2, 3, … per account, without gaps, in the order written." }),
    kind: t.expose("kind", { description: "Purchase, work debit, adjustment, refund or reversal.", type: UnitEntryKind }),
    units: t.exposeInt("units", { description: "Signed: credits positive, debits negative." }),
    balanceAfter: t.exposeInt("balanceAfter", { description: "The balance right after this entry." }),
    reason: t.exposeString("reason", { description: "Why, for adjustments, refunds and reversals; null otherwise.", nullable: true }),
    actor: t.string({
      nullable: true,
      description: "The API token (or ADMIN_TOKEN) that wrote the entry; shown to staff only.",
      resolve: (entry, _args, ctx) => (isStaff(ctx.viewer) ? entry.actor : null),
    }),
    package: t.relation("package", { description: "The package bought (purchases); null otherwise.", nullable: true }),
    quantity: t.exposeInt("quantity", { nullable: true, description: "Purchases: how many packages." }),
    amount: t.field({
      type: Money,
      nullable: true,
      description: "Purchases: what the packages cost at the time.",
      resolve: (entry) => (entry.amountMinor === null || entry.currency === null ? null : { amountMinor: entry.amountMinor, currency: entry.currency }),
    }),
    ticketId: t.exposeString("ticketId", { description: "The ticket the work was logged on (work debits); null otherwise.", nullable: true }),
    workLogId: t.exposeString("workLogId", { description: "The work log or booking the debit belongs to; null otherwise.", nullable: true }),
    reverses: t.relation("reverses", { nullable: true, description: "Reversals: the entry this one cancels." }),
    reversedBy: t.relation("reversedBy", { description: "The entry that reversed this one; null if none.", nullable: true }),
    account: t.relation("account", { description: "The account whose ledger it is in." }),
    createdAt: t.expose("createdAt", { description: "When it was appended.", type: "DateTime" }),
  }),
});

builder.prismaObject("LowBalanceAlert", {
  description: "Recorded when a write took the balance to or below the account's low-balance threshold.",
  fields: (t) => ({
    balance: t.exposeInt("balance", { description: "The balance in units right after the write, at or below the threshold." }),
    threshold: t.exposeInt("threshold", { description: "The account's low-balance threshold in units when it was recorded." }),
    entry: t.relation("entry", { description: "The ledger entry whose write crossed the threshold." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was recorded, in the transaction of the entry." }),
  }),
});

export const UnitLedger = builder.prismaObject("Account", {
  variant: "UnitLedger",
  description: "An account's prepaid support units: the balance, its settings and the append-only entries.",
  authScopes: (account, ctx) => canReadAccount(ctx.viewer, account),
  fields: (t) => ({
    account: t.variant("Account", { description: "The account whose units these are." }),
    balance: t.exposeInt("unitBalance", { description: "Always the sum of the entries' units and the last entry's balanceAfter." }),
    lowBalanceThreshold: t.exposeInt("lowBalanceThreshold", { description: "The customer is warned when the balance falls to this or below." }),
    overdraftLimit: t.exposeInt("overdraftLimit", { description: "How many units below zero work may take the balance." }),
    lowBalanceArmed: t.exposeBoolean("lowBalanceArmed", { description: "False once warned, until the balance rises above the threshold." }),
    entries: t.relatedConnection("unitEntries", {
      cursor: "id",
      totalCount: true,
      description: "Every entry ever appended, in the order asked; corrections are later REVERSAL entries, never edits.",
      args: {
        order: t.arg({ type: UnitLedgerOrder, required: false, defaultValue: "NEWEST_FIRST", description: "By sequence number; default NEWEST_FIRST." }),
      },
      query: (args) => ({ orderBy: { seq: args.order === "OLDEST_FIRST" ? "asc" : "desc" } }),
    }),
    lowBalanceAlerts: t.relatedConnection("lowBalanceAlerts", {
      cursor: "id",
      totalCount: true,
      description: "Newest first.",
      query: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
    }),
  }),
});

builder.prismaObjectField("Account", "unitLedger", (t) =>
  t.variant(UnitLedger, { description: "The account's prepaid support units: balance, settings and entries." }),
);

builder.queryField("unitLedger", (t) =>
  t.prismaField({
    type: UnitLedger,
    nullable: true,
    description: "Null when there is no such account or it is not the caller's to read.",
    authScopes: { authenticated: true },
    args: { customerNumber: t.arg.string({ description: "The account's customer number, e.g. C-10004." }) },
    resolve: (query, _root, args, ctx) => ctx.services.ledger.ledger(ctx.viewer, args.customerNumber, query),
  }),
);
