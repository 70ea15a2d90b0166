import type { LowBalanceAlertView } from "../low-balance-alert-service.ts";
import { builder } from "../../../graphql/builder.ts";

const UnitBalanceLowEvent = builder.objectRef<LowBalanceAlertView>("UnitBalanceLowEvent").implement({
  description: "A write took an account's prepaid unit balance to or below its low-balance threshold.",
  fields: (t) => ({
    sequence: t.exposeInt("sequence", { description: "Increases with every event the service publishes; a jump means events were missed." }),
    balance: t.exposeInt("balance"),
    threshold: t.exposeInt("threshold"),
    at: t.expose("at", { type: "DateTime" }),
    account: t.prismaField({
      type: "Account",
      nullable: true,
      resolve: (query, alert, _args, ctx) => ctx.services.accounts.visible(ctx.viewer, alert.accountId, query),
    }),
  }),
});

builder.subscriptionField("unitBalanceLow", (t) =>
  t.field({ description: "A warning each time a write takes an account unit balance to or below its threshold (again only after it rose above).",
    type: UnitBalanceLowEvent,
    authScopes: { authenticated: true },
    args: { filter: t.arg({ description: "Optional criteria; absent means every account the subscriber may see.", type: builder.inputType("UnitBalanceLowFilter", { fields: (f) => ({ customerNumber: f.string({ required: false }) }) }), required: false }) },
    subscribe: (_root, args, ctx) => ctx.services.lowBalanceAlerts.stream(ctx.viewer, args.filter ?? {}),
    resolve: (alert) => alert,
  }),
);
