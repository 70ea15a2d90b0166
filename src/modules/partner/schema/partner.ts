import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { globalIdField } from "../../../graphql/input-fields.ts";

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
    deactivatedAt: t.expose("deactivatedAt", {
      type: "DateTime",
      nullable: true,
      description: "Since when the partner is deactivated (its tokens do not authenticate); null while it is active.",
    }),
  }),
});

builder.queryField("partners", (t) =>
  t.prismaConnection({
    description: "Reseller partners, by code; staff only.",
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
  t.prismaField({
    description: "Creates a reseller partner with a unique code (P-…); administrators only.",
    type: "Partner",
    authScopes: { staff: true },
    errors: { types: COMMON_ERRORS, dataField: { name: "partner", description: "The partner as registered." } },
    args: { input: t.arg({ type: PartnerCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.partners.create(ctx.viewer, input, query),
  }),
);

/** Deactivating and reactivating differ only in the state they set. */
for (const [op, active, description] of [
  [
    "partnerDeactivate",
    false,
    "Deactivates a partner: its tokens stop authenticating and the WebSockets they hold close with 4403 on every instance; its accounts stay. Staff only; deactivating twice keeps the first time.",
  ],
  ["partnerReactivate", true, "Reactivates a deactivated partner: its tokens that were not revoked authenticate again. Staff only."],
] as const) {
  const Input = builder.inputType(`${op[0]!.toUpperCase()}${op.slice(1)}Input`, {
    description: active
      ? "A deactivated partner to reactivate: its tokens authenticate again."
      : "A partner whose tokens stop authenticating and whose sockets close.",
    fields: (t) => ({ id: globalIdField(t, "partner") }),
  });
  builder.mutationField(op, (t) =>
    t.prismaField({
      description,
      type: "Partner",
      authScopes: { staff: true },
      errors: { types: COMMON_ERRORS, dataField: { name: "partner", description: "The partner as it is now." } },
      args: { input: t.arg({ type: Input, description: "What to do; each input field states its rule." }) },
      resolve: (query, _root, { input }, ctx) => ctx.services.partners.setActive(ctx.viewer, decodeId("id", input.id, "Partner").id, active, query),
    }),
  );
}
