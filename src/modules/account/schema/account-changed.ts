import { describedValues } from "../../../graphql/enum-values.ts";
import { builder } from "../../../graphql/builder.ts";
import { AFTER, CURSOR, SEQUENCE } from "../../../graphql/stream-fields.ts";

const AccountChangeKind = builder.enumType("AccountChangeKind", {
  description: "What happened to the account an AccountChange reports.",
  values: describedValues(["CREATED", "UPDATED"] as const, {
    CREATED: "The account was created.",
    UPDATED: "The account's name, language, status or payment status changed.",
  }),
});

interface AccountChange {
  kind: "CREATED" | "UPDATED";
  accountId: string;
  sequence: number;
  cursor: string;
}

const AccountChangeType = builder.objectRef<AccountChange>("AccountChange").implement({
  description: "An account created or changed, delivered to `accountChanged` subscribers.",
  fields: (t) => ({
    kind: t.expose("kind", { description: "Whether it was created or updated.", type: AccountChangeKind }),
    sequence: t.exposeInt("sequence", { description: SEQUENCE }),
    cursor: t.exposeString("cursor", { description: CURSOR }),
    account: t.prismaField({
      type: "Account",
      nullable: true,
      description: "The account as it is at delivery; null if it is no longer visible to the subscriber.",
      resolve: (query, change, _args, ctx) => ctx.services.accounts.delivered(ctx.viewer, change, query),
    }),
  }),
});

builder.subscriptionField("accountChanged", (t) =>
  t.field({
    type: AccountChangeType,
    authScopes: { authenticated: true },
    description: "Accounts created or changed, limited to those the subscriber may see.",
    args: {
      customerNumber: t.arg.string({ description: "Only this account's changes; absent means every account the subscriber may see.", required: false }),
      after: t.arg.string({ required: false, description: AFTER }),
    },
    subscribe: (_root, args, ctx) => ctx.services.accounts.changes(ctx.viewer, args.customerNumber, args.after),
    resolve: (change) => change,
  }),
);
