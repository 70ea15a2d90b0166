import type { LowBalanceAlertView } from "../low-balance-alert-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { AFTER, CURSOR, SEQUENCE } from "../../../graphql/stream-fields.ts";

const UnitBalanceLowEvent = builder.objectRef<LowBalanceAlertView & { cursor: string }>("UnitBalanceLowEvent").implement({
  description: "A write took an account's prepaid unit balance to or below its low-balance threshold.",
  fields: (t) => ({
    sequence: t.exposeInt("sequence", { description: SEQUENCE }),
    cursor: t.exposeString("cursor", { description: CURSOR }),
    balance: t.exposeInt("balance", { description: "The balance in units right after the write." }),
    threshold: t.exposeInt("threshold", { description: "The account's low-balance threshold in units at the write." }),
    at: t.expose("at", { type: "DateTime", description: "When the write that crossed the threshold committed." }),
    account: t.prismaField({
      type: "Account",
      nullable: true,
      description: "The account as it is at delivery; null if it is no longer visible to the subscriber.",
      resolve: (query, alert, _args, ctx) => ctx.services.accounts.delivered(ctx.viewer, alert, query),
    }),
  }),
});

const LowBalanceFilter = builder.inputType("UnitBalanceLowFilter", {
  description: "Which accounts' low-balance warnings to deliver.",
  fields: (f) => ({
    customerNumber: f.string({ required: false, description: "Only this account's warnings; absent means every account the subscriber may see." }),
  }),
});

builder.subscriptionField("unitBalanceLow", (t) =>
  t.field({
    description: "A warning each time a write takes an account unit balance to or below its threshold (again only after it rose above).",
    type: UnitBalanceLowEvent,
    authScopes: { authenticated: true },
    args: {
      filter: t.arg({ description: "Optional criteria; absent means every account the subscriber may see.", type: LowBalanceFilter, required: false }),
      after: t.arg.string({ required: false, description: AFTER }),
    },
    subscribe: (_root, args, ctx) => ctx.services.lowBalanceAlerts.stream(ctx.viewer, args.filter ?? {}, args.after),
    resolve: (alert) => alert,
  }),
);
