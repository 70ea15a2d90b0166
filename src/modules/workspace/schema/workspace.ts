import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";

builder.prismaNode("Workspace", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "One vendor's support organisation: everything it configures or owns belongs to exactly one workspace, and a token sees only its own.",
  authScopes: (workspace, ctx) => ctx.viewer.platformAdmin === true || ctx.viewer.workspaceId === workspace.id,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Names the workspace in `X-Workspace` (HTTP) or `workspace` (WebSocket connection_init)." }),
    name: t.exposeString("name", { description: "The vendor's name for people, e.g. Acme Support." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the workspace was created." }),
  }),
});

builder.queryField("workspaces", (t) =>
  t.prismaConnection({
    type: "Workspace",
    cursor: "id",
    description: "Every workspace (platform administrator only).",
    authScopes: { platformAdmin: true },
    resolve: (query, _root, _args, ctx) => ctx.services.workspaces.list(ctx.viewer, query),
    totalCount: (_root, _args, ctx) => ctx.services.workspaces.count(),
  }),
);

builder.queryField("workspace", (t) =>
  t.prismaField({
    type: "Workspace",
    nullable: true,
    description: "The workspace the call acts in.",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => (ctx.viewer.workspaceId ? ctx.services.workspaces.byId(ctx.viewer.workspaceId, query) : null),
  }),
);

const WorkspaceCreateInput = builder.inputType("WorkspaceCreateInput", {
  description: "A new vendor's support organisation; platform administrator only.",
  fields: (t) => ({
    slug: t.string({ description: 'Lower-case letters, digits and inner dashes, e.g. "acme-support".' }),
    name: t.string({ description: "The vendor's name for people, 1–200 characters after trimming." }),
  }),
});

builder.mutationField("workspaceCreate", (t) =>
  t.prismaField({
    type: "Workspace",
    description: "Creates a workspace with its own standard request types (platform administrator only).",
    authScopes: { platformAdmin: true },
    errors: { types: COMMON_ERRORS, dataField: { name: "workspace", description: "The workspace as created, with its standard request types." } },
    args: { input: t.arg({ type: WorkspaceCreateInput, description: "The new workspace's slug and name." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.workspaces.create(ctx.viewer, input, query),
  }),
);
