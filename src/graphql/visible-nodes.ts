import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "./context.ts";

type ScopeMap = Record<string, unknown>;
type TypeScopes = boolean | ScopeMap | ((row: unknown, ctx: Context) => boolean | ScopeMap | Promise<boolean | ScopeMap>);
type RunScopes = (ctx: Context, scopes: ScopeMap) => unknown;
type GlobalId = { typename: string; id: string };

/**
 * Whether the viewer passes the type's own `authScopes` for this row: the rule its query field
 * applies (scope-auth would otherwise answer FORBIDDEN on the row's fields).
 */
async function passes(typename: string, row: unknown, ctx: Context, info: GraphQLResolveInfo, runScopes: RunScopes): Promise<boolean> {
  const options = info.schema.getType(typename)?.extensions?.pothosOptions as { authScopes?: TypeScopes } | undefined;
  const rule = options?.authScopes;
  if (rule === undefined) return true;
  const scopes = typeof rule === "function" ? await rule(row, ctx) : rule;
  if (typeof scopes === "boolean") return scopes;
  try {
    await runScopes(ctx, scopes);
    return true;
  } catch {
    return false;
  }
}

/**
 * `node(id)` and `nodes(ids)` answer null for a row the caller may not read, exactly as for one that
 * does not exist: an error there would tell a caller that the id names something real.
 */
export function visibleNodes(runScopes: () => RunScopes) {
  const visible = (ids: GlobalId[], rows: unknown[], ctx: Context, info: GraphQLResolveInfo) =>
    Promise.all(rows.map(async (row, i) => (row != null && (await passes(ids[i]!.typename, row, ctx, info, runScopes())) ? row : null)));
  return {
    node: async (_root: unknown, args: { id: GlobalId }, ctx: Context, info: GraphQLResolveInfo, resolve: (ids: GlobalId[]) => Promise<unknown>) =>
      (await visible([args.id], [await resolve([args.id])], ctx, info))[0],
    nodes: async (_root: unknown, args: { ids: GlobalId[] }, ctx: Context, info: GraphQLResolveInfo, resolve: (ids: GlobalId[]) => Promise<unknown[]>) =>
      visible(args.ids, await resolve(args.ids), ctx, info),
  };
}
