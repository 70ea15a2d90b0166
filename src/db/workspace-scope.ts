import { AsyncLocalStorage } from "node:async_hooks";
import { iterateWithin } from "../events/iterate-within.ts";

/**
 * Which rows the database lets the current work see: one workspace's, every workspace's (background
 * work that spans them says so explicitly), or none. Carried with the async call chain, and turned
 * into the connection's `app.workspace_id` / `app.bypass_rls` settings that the row-level security
 * policies read (src/db/scoped-connections.ts).
 */
export type DbScope = { readonly workspaceId: string } | { readonly allWorkspaces: true } | { readonly none: true };

export const NO_WORKSPACE: DbScope = Object.freeze({ none: true });
export const ALL_WORKSPACES: DbScope = Object.freeze({ allWorkspaces: true });

const storage = new AsyncLocalStorage<DbScope>();

export const currentScope = (): DbScope => storage.getStore() ?? NO_WORKSPACE;

/**
 * Runs `work` in `scope`. Awaited inside it: Prisma's promises are lazy and would otherwise start
 * their query in the scope of whoever awaits them.
 */
export const inScope = <T>(scope: DbScope, work: () => T | PromiseLike<T>): Promise<T> => storage.run(scope, async () => await work());

/** Runs `work` seeing only `workspaceId`'s rows; what it inserts belongs to that workspace. */
export const inWorkspace = <T>(workspaceId: string, work: () => T | PromiseLike<T>): Promise<T> => inScope({ workspaceId }, work);

/** Runs `work` across every workspace: only for background work that must (outbox relay, SLA monitor, token lookup). */
export const acrossWorkspaces = <T>(work: () => T | PromiseLike<T>): Promise<T> => inScope(ALL_WORKSPACES, work);

/** The workspace of the current work, or null when it spans all or none. */
export const currentWorkspaceId = (): string | null => {
  const scope = currentScope();
  return "workspaceId" in scope ? scope.workspaceId : null;
};

/** The settings the policies read, as `set_config` parameters. */
export function scopeSettings(scope: DbScope): { workspaceId: string; bypass: "on" | "off" } {
  if ("workspaceId" in scope) return { workspaceId: scope.workspaceId, bypass: "off" };
  return { workspaceId: "", bypass: "allWorkspaces" in scope ? "on" : "off" };
}

/** Keeps `scope` for each `next()` of an iterator whose consumer runs elsewhere (a subscription's events). */
export const iterateInScope = <T>(scope: DbScope, source: AsyncIterableIterator<T>): AsyncIterableIterator<T> =>
  iterateWithin((work) => inScope(scope, work), source);

/** The current work's workspace; work that reaches workspace data without one is a bug, not a request to refuse. */
export function thisWorkspace(): string {
  const id = currentWorkspaceId();
  if (id === null) throw new Error("no workspace in scope");
  return id;
}

/** Unique keys within the current workspace, for Prisma's compound `@@unique([workspaceId, …])`. */
export const byCode = (code: string) => ({ workspaceId_code: { workspaceId: thisWorkspace(), code } });
export const byCustomerNumber = (customerNumber: string) => ({ workspaceId_customerNumber: { workspaceId: thisWorkspace(), customerNumber } });

/** A cache key for what the current scope sees: the workspace id, `*` for all, `-` for none. */
export const scopeKey = (): string => keyOfScope(currentScope());

export function keyOfScope(scope: DbScope): string {
  return "workspaceId" in scope ? scope.workspaceId : "allWorkspaces" in scope ? "*" : "-";
}
