import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import { isAdmin, isAuthenticated, isStaff } from "../auth/policy.ts";
import type PrismaTypes from "../generated/pothos-prisma-types.ts";
import { getDatamodel } from "../generated/pothos-prisma-types.ts";
import { type Context, prismaFor } from "./context.ts";
import { decodeId, encodeId } from "./global-id.ts";

const capitalise = (name: string) => name[0]!.toUpperCase() + name.slice(1);

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { authenticated: boolean; staff: boolean; admin: boolean; platformAdmin: boolean };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | number | string };
    Date: { Input: string; Output: string };
    LocalTime: { Input: string; Output: string };
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      authenticated: isAuthenticated(ctx.viewer),
      staff: isStaff(ctx.viewer),
      admin: isAdmin(ctx.viewer),
      platformAdmin: ctx.viewer.platformAdmin === true,
    }),
    unauthorizedError: (_parent, ctx, info) =>
      isAuthenticated(ctx.viewer)
        ? new GraphQLError(`Not allowed to access ${info.parentType.name}.${info.fieldName}`, { extensions: { code: "FORBIDDEN" } })
        : new GraphQLError("Authentication required: send Authorization: Bearer <token>", { extensions: { code: "UNAUTHENTICATED" } }),
  },
  errors: {
    defaultResultOptions: { name: ({ fieldName }) => `${capitalise(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalise(fieldName)}Result` },
  },
  prisma: {
    client: (ctx) => prismaFor(ctx),
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    encodeGlobalID: encodeId,
    decodeGlobalID: (id) => decodeId("id", id),
  },
});
