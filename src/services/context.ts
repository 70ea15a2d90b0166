import type { PrismaClient } from "../generated/prisma/client.ts";
import type { EventBus } from "../events/bus.ts";

/** What every service is built from. */
export interface ServiceDeps {
  prisma: PrismaClient;
  bus: EventBus;
  /** The clock; injectable so tests can fix time. */
  now: () => Date;
}
