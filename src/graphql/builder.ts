import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import TotalCountDescriptionPlugin from "./total-count-plugin.ts";
import { GraphQLError } from "graphql";
import { isAdmin, isAuthenticated, isStaff } from "../auth/policy.ts";
import type PrismaTypes from "../generated/pothos-prisma-types.ts";
import { getDatamodel } from "../generated/pothos-prisma-types.ts";
import { type Context, prismaFor } from "./context.ts";
import { decodeId, encodeId } from "./global-id.ts";
import InputTextPlugin from "./input-text.ts";
import { visibleNodes } from "./visible-nodes.ts";

const capitalise = (name: string) => name[0]!.toUpperCase() + name.slice(1);
// the builder's scope evaluation, looked up when a node is read (the builder does not exist yet here)
const nodeVisibility = visibleNodes(() => (ctx, scopes) => builder.runAuthScopes(ctx, scopes as never));

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
  // InputTextPlugin last: the ValidationError it throws is inside the errors plugin's wrapper, so a result union catches it
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, TotalCountDescriptionPlugin, InputTextPlugin],
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
    defaultResultOptions: {
      name: ({ fieldName }) => `${capitalise(fieldName)}Success`,
      description: "The operation succeeded; its field holds the object it wrote.",
    },
    defaultUnionOptions: {
      name: ({ fieldName }) => `${capitalise(fieldName)}Result`,
      description: "The operation's answer: its success type, or one of the typed errors it can meet (each implements Error; select `__typename`).",
    },
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
    // Every connection's arguments and page types read the same; one description each, here.
    firstArgOptions: { description: "Page size from the start (after `after`); each list caps it and has its own default." },
    afterArgOptions: { description: "An endCursor from a previous page: the page starts after it; absent means from the start." },
    lastArgOptions: { description: "Page size from the end (before `before`), for paging backwards." },
    beforeArgOptions: { description: "A startCursor from a previous page: the page ends before it." },
    pageInfoTypeOptions: { description: "Where a page sits in the whole list (Relay cursor connections)." },
    hasNextPageFieldOptions: { description: "More items follow this page: ask again with `after: endCursor`." },
    hasPreviousPageFieldOptions: { description: "Items precede this page: ask again with `before: startCursor`." },
    startCursorFieldOptions: { description: "The cursor of the first item on this page; null for an empty page." },
    endCursorFieldOptions: { description: "The cursor of the last item on this page; null for an empty page." },
    pageInfoFieldOptions: { description: "Cursors and whether more pages exist." },
    edgesFieldOptions: { description: "The items of this page, in the list's order, each with its cursor." },
    cursorFieldOptions: { description: "Opaque position of this item; pass it as `after` or `before`." },
    nodeFieldOptions: { description: "The item." },
    nodeTypeOptions: { description: "An object with a global id, fetched again with `node(id:)`." },
    idFieldOptions: { description: "Global id: opaque, stable, unique across types." },
    nodeQueryOptions: {
      description: "The object with this global id, or null when it does not exist or is not visible to the caller.",
      args: { id: { description: "A global id from any object's `id` field." } },
      resolve: nodeVisibility.node as never,
    },
    nodesQueryOptions: {
      description: "The objects with these global ids, in the same order; null where one does not exist or is not visible.",
      args: { ids: { description: "Global ids from objects' `id` fields." } },
      resolve: nodeVisibility.nodes as never,
    },
    defaultConnectionTypeOptions: { description: "One page of a list, with its cursors (Relay cursor connection)." },
    defaultEdgeTypeOptions: { description: "One item of a page and its cursor." },
  },
});
