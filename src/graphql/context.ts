import type { Viewer } from "../auth/viewer.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { TicketListShown } from "../modules/queue/domain/index.ts";
import type { Services } from "../modules/registry.ts";

/** What a cached answer shows, so the response cache drops it only when that changes (src/server/response-cache.ts). */
export type CacheDependency =
  | { kind: "tickets"; ticketIds: readonly string[]; accountIds: readonly string[] }
  | { kind: "ticketList"; list: TicketListShown }
  | { kind: "ticketCounts" };

/** The per-operation context. Resolvers reach data only through `services`. */
export interface Context {
  viewer: Viewer;
  services: Services;
  /** Set by the response cache for queries it may keep: resolvers of ticket lists say what they showed. */
  cacheDependsOn?: (dependency: CacheDependency) => void;
}

// plugin-prisma needs the client for `...query` selections; it is kept off the Context type so
// resolvers cannot reach around the services.
const clients = new WeakMap<Services, PrismaClient>();

export function registerPrisma(services: Services, prisma: PrismaClient): void {
  clients.set(services, prisma);
}

export function prismaFor(context: Context): PrismaClient {
  const client = clients.get(context.services);
  if (!client) throw new Error("services were built without registerPrisma()");
  return client;
}

/** What the HTTP server (or the WebSocket server, with its authenticated viewer) hands to Yoga. */
export interface ServerContext {
  req: import("node:http").IncomingMessage;
  res?: import("node:http").ServerResponse;
  viewer?: Viewer;
}
