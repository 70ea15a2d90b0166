import { describedValues } from "../../../graphql/enum-values.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { globalIdField } from "../../../graphql/input-fields.ts";

export const Role = builder.enumType("Role", {
  description: "What an API token may see and do inside its workspace.",
  values: describedValues(["ADMIN", "AGENT", "PARTNER", "CUSTOMER"] as const, {
    ADMIN: "Everything, including tokens.",
    AGENT: "All accounts and tickets, no tokens.",
    PARTNER: "The accounts the bound partner sold.",
    CUSTOMER: "The bound account only.",
  }),
});

const ApiToken = builder.prismaNode("ApiToken", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "An API credential. Its secret is shown once, at creation; only a hash is stored.",
  authScopes: { admin: true },
  fields: (t) => ({
    name: t.exposeString("name", { description: "A label for people, e.g. the integration using it." }),
    role: t.expose("role", { description: "What the token may do.", type: Role }),
    prefix: t.exposeString("prefix", { description: "The first characters of the secret, to recognise it by." }),
    platformAdmin: t.exposeBoolean("platformAdmin", { description: "The first-start administrator's token: the platform administrator, like ADMIN_TOKEN." }),
    partner: t.relation("partner", { description: "The partner a PARTNER token is bound to; null for other roles.", nullable: true }),
    account: t.relation("account", { description: "The account a CUSTOMER token is bound to; null for other roles.", nullable: true }),
    createdAt: t.expose("createdAt", { description: "When the token was issued.", type: "DateTime" }),
    revokedAt: t.expose("revokedAt", { description: "When it was revoked; null while valid.", type: "DateTime", nullable: true }),
  }),
});

const ApiTokenIssued = builder.objectRef<{ token: object; secret: string }>("ApiTokenIssued").implement({
  description: "A new API token and its secret, shown this once; only a hash of the secret is stored.",
  fields: (t) => ({
    token: t.field({ type: ApiToken, description: "The token as stored: role, binding and the secret's prefix.", resolve: (issued) => issued.token as never }),
    secret: t.exposeString("secret", { description: "Send as `Authorization: Bearer <secret>`. Shown only this once." }),
  }),
});

builder.queryField("apiTokens", (t) =>
  t.prismaConnection({
    description: "Every API token issued, oldest first (secrets are never shown again); administrators only.",
    type: "ApiToken",
    cursor: "id",
    authScopes: { admin: true },
    resolve: (query, _root, _args, ctx) => ctx.services.tokens.list(ctx.viewer, query),
    totalCount: (_root, _args, ctx) => ctx.services.tokens.count(),
  }),
);

const ApiTokenCreateInput = builder.inputType("ApiTokenCreateInput", {
  description: "A token to issue in the caller's workspace; administrators only.",
  fields: (t) => ({
    name: t.string({ description: "A label for people, 1–200 characters after trimming, e.g. the integration using it." }),
    role: t.field({ type: Role, description: "What it may do; PARTNER and CUSTOMER tokens are bound to a partner or an account." }),
    partnerCode: t.string({ required: false, description: "Required for PARTNER tokens." }),
    customerNumber: t.string({ required: false, description: "Required for CUSTOMER tokens." }),
  }),
});

const ApiTokenRevokeInput = builder.inputType("ApiTokenRevokeInput", {
  description: "A token to revoke; its secret stops working at once on every instance.",
  fields: (t) => ({ id: globalIdField(t, "token") }),
});

builder.mutationFields((t) => ({
  apiTokenCreate: t.field({
    description: "Issues an API token for a role (bound to a partner or account where the role needs one); the secret is shown only in this answer.",
    type: ApiTokenIssued,
    authScopes: { admin: true },
    errors: { types: COMMON_ERRORS, directResult: true },
    args: { input: t.arg({ type: ApiTokenCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.tokens.create(ctx.viewer, input),
  }),
  apiTokenRevoke: t.prismaField({
    description: "Revokes a token at once on every instance; revoking twice keeps the first revocation time.",
    type: "ApiToken",
    authScopes: { admin: true },
    errors: { types: COMMON_ERRORS, dataField: { name: "token", description: "The token with its revocation time." } },
    args: { input: t.arg({ type: ApiTokenRevokeInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.tokens.revoke(ctx.viewer, decodeId("id", input.id, "ApiToken").id, query),
  }),
}));
