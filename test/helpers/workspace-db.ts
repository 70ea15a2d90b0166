import type { App } from "../../src/server/app.ts";
import { inWorkspace } from "../../src/db/workspace-scope.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { DEFAULT_WORKSPACE_ID } from "../../src/modules/workspace/index.ts";

/**
 * `target` with every method call — its own and its members' (a client's models, a registry's
 * services) — run inside one workspace's scope: for tests that look at rows or call services directly.
 */
export function scopedTo<T extends object>(target: T, workspaceId = DEFAULT_WORKSPACE_ID, depth = 2): T {
  return new Proxy(target, {
    get(object, key) {
      const value = Reflect.get(object, key, object);
      if (typeof value === "function") return (...args: unknown[]) => inWorkspace(workspaceId, () => value.apply(object, args));
      return depth > 1 && value && typeof value === "object" ? scopedTo(value, workspaceId, depth - 1) : value;
    },
  });
}

/** The app's Prisma client as seen from inside a workspace (default: `default`, where the bootstrap administrator acts unless it names another). */
export const prismaIn = (app: App, workspaceId = DEFAULT_WORKSPACE_ID): PrismaClient => scopedTo(app.db.prisma, workspaceId);

/** The app's services called from inside a workspace. */
export const servicesIn = (app: App, workspaceId = DEFAULT_WORKSPACE_ID): App["services"] => scopedTo(app.services, workspaceId);

/** Runs `work` inside the default workspace. */
export const inDefaultWorkspace = <T>(work: () => T | PromiseLike<T>) => inWorkspace(DEFAULT_WORKSPACE_ID, work);
