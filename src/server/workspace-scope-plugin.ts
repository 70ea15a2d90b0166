import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { type DbScope, inScope, iterateInScope, NO_WORKSPACE } from "../db/workspace-scope.ts";
import type { Context } from "../graphql/context.ts";

const scopeOf = (context: Context): DbScope => (context.viewer.workspaceId ? { workspaceId: context.viewer.workspaceId } : NO_WORKSPACE);

/**
 * Every operation runs in its viewer's workspace: the database shows it that workspace's rows
 * only, whatever a service asks for. A subscription keeps the scope for each event it executes,
 * whoever published the event.
 */
export function workspaceScope(): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const scope = scopeOf(args.contextValue as Context);
      setExecuteFn((execArgs) => inScope(scope, () => executeFn(execArgs)));
    },
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const scope = scopeOf(args.contextValue as Context);
      setSubscribeFn(async (subArgs) => {
        const result = await inScope(scope, () => subscribeFn(subArgs));
        return isAsyncIterable(result) ? iterateInScope(scope, result as AsyncIterableIterator<never>) : result;
      });
    },
  };
}
