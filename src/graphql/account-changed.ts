import { builder } from "./builder.ts";

const AccountChangeKind = builder.enumType("AccountChangeKind", { values: ["CREATED", "UPDATED"] as const });

interface AccountChange {
  kind: "CREATED" | "UPDATED";
  accountId: string;
}

const AccountChangeType = builder.objectRef<AccountChange>("AccountChange").implement({
  fields: (t) => ({
    kind: t.expose("kind", { type: AccountChangeKind }),
    account: t.prismaField({
      type: "Account",
      nullable: true,
      description: "The account as it is at delivery; null if it is no longer visible to the subscriber.",
      resolve: (query, change, _args, ctx) => ctx.services.accounts.visible(ctx.viewer, change.accountId, query),
    }),
  }),
});

builder.subscriptionField("accountChanged", (t) =>
  t.field({
    type: AccountChangeType,
    authScopes: { authenticated: true },
    description: "Accounts created or changed, limited to those the subscriber may see.",
    args: { customerNumber: t.arg.string({ required: false }) },
    subscribe: (_root, args, ctx) => ctx.services.accounts.changes(ctx.viewer, args.customerNumber),
    resolve: (change) => change,
  }),
);
