import { builder } from "../../../graphql/builder.ts";
import { Role } from "./api-token.ts";
import type { Viewer } from "../../../auth/viewer.ts";

const ViewerType = builder.objectRef<Viewer>("Viewer").implement({
  description: "Who the current credential acts as.",
  fields: (t) => ({
    role: t.field({ description: "The caller's role.", type: Role, nullable: true, resolve: (viewer) => viewer.role }),
    partner: t.prismaField({
      description: "The partner a PARTNER token is bound to; null otherwise.",
      type: "Partner",
      nullable: true,
      resolve: (query, viewer, _args, ctx) => (viewer.partnerId ? ctx.services.partners.byId(viewer.partnerId, query) : null),
    }),
    account: t.prismaField({
      description: "The account a CUSTOMER token is bound to; null otherwise.",
      type: "Account",
      nullable: true,
      resolve: (query, viewer, _args, ctx) => (viewer.accountId ? ctx.services.accounts.visible(viewer, viewer.accountId, query) : null),
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    description: "Who the caller is: role and the partner or account its token is bound to.",
    type: ViewerType,
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
);
