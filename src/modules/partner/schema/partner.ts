import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";

builder.prismaNode("Partner", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "A reseller that sells add-ons and support to its own customers.",
  authScopes: (partner, ctx) => ctx.viewer.role === "ADMIN" || ctx.viewer.role === "AGENT" || ctx.viewer.partnerId === partner.id,
  fields: (t) => ({
    code: t.exposeString("code", { description: "Unique partner code accounts are filed under, e.g. P-CRMWORKS." }),
    name: t.exposeString("name", { description: "The reseller's display name." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the partner was registered." }),
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
  description: "A reseller to register; staff only.",
  fields: (t) => ({
    code: t.string({ description: "Unique code, 3–32 letters, digits and inner dashes, stored upper-case, e.g. P-CRMWORKS." }),
    name: t.string({ description: "Display name, 1–200 characters after trimming." }),
  }),
});

builder.mutationField("partnerCreate", (t) =>
  t.prismaField({ description: "Creates a reseller partner with a unique code (P-…); administrators only.",
    type: "Partner",
    authScopes: { staff: true },
    errors: { types: COMMON_ERRORS, dataField: { name: "partner", description: "The partner as registered." } },
    args: { input: t.arg({ type: PartnerCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.partners.create(ctx.viewer, input, query),
  }),
);
