import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";

builder.prismaNode("Partner", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "A reseller that sells add-ons and support to its own customers.",
  authScopes: (partner, ctx) => ctx.viewer.role === "ADMIN" || ctx.viewer.role === "AGENT" || ctx.viewer.partnerId === partner.id,
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("partners", (t) =>
  t.prismaConnection({ description: "Reseller partners, by code; staff only.",
    type: "Partner",
    cursor: "id",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => ctx.services.partners.list(ctx.viewer, query),
  }),
);

const PartnerCreateInput = builder.inputType("PartnerCreateInput", {
  fields: (t) => ({ code: t.string(), name: t.string() }),
});

builder.mutationField("partnerCreate", (t) =>
  t.prismaField({ description: "Creates a reseller partner with a unique code (P-…); administrators only.",
    type: "Partner",
    authScopes: { staff: true },
    errors: { types: COMMON_ERRORS, dataField: { name: "partner" } },
    args: { input: t.arg({ type: PartnerCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.partners.create(ctx.viewer, input, query),
  }),
);
