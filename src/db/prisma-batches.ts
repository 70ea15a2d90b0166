import type { PrismaClient } from "../generated/prisma/client.ts";
import { currentScope, type DbScope, inScope, keyOfScope } from "./workspace-scope.ts";

interface Loader {
  options: {
    batchBy(request: object): string | undefined;
    batchLoader(requests: object[]): Promise<unknown>;
    singleLoader(request: object): Promise<unknown>;
  };
}

/**
 * Prisma merges the findUnique calls of one tick into one query and runs it in the async context
 * of whichever call came first, so a call from another workspace would be answered in the
 * first one's scope (row-level security then hides its row). This keeps each scope's calls in a
 * batch of their own, run in that scope. It reaches into the client's request handler (pinned
 * Prisma 7.10): should that change, it fails at start rather than batch across workspaces.
 */
export function batchPerScope(prisma: PrismaClient): void {
  const loader = (prisma as unknown as { _requestHandler?: { dataloader?: Loader } })._requestHandler?.dataloader;
  if (typeof loader?.options?.batchBy !== "function") throw new Error("Prisma's request batching changed: cannot keep batches per workspace");
  const { batchBy, batchLoader, singleLoader } = loader.options;
  const scopes = new WeakMap<object, DbScope>();
  loader.options.batchBy = (request) => {
    const key = batchBy(request);
    if (!key) return key;
    const scope = currentScope();
    scopes.set(request, scope);
    return `${key}@${keyOfScope(scope)}`;
  };
  loader.options.batchLoader = (requests) => inScope(scopes.get(requests[0]!) ?? currentScope(), () => batchLoader(requests));
  loader.options.singleLoader = (request) => {
    const scope = scopes.get(request);
    return scope ? inScope(scope, () => singleLoader(request)) : singleLoader(request);
  };
}
