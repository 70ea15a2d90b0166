import { PLATFORM_ADMIN, type Viewer } from "../auth/viewer.ts";
import { acrossWorkspaces, inWorkspace } from "../db/workspace-scope.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Services } from "../modules/registry.ts";
import { DEMO_VENDORS, sourceSlug } from "./demo/demo-workspaces.ts";
import { loadPolicy } from "./demo/load-policy.ts";
import { seedDemoTickets } from "./seed-tickets.ts";
import { seedUnitLedgers } from "./seed-units.ts";

const SEEDER: Viewer = { role: "ADMIN", tokenId: "system:demo-seed", partnerId: null, accountId: null, workspaceId: null };

/**
 * Loads the demo data set into an empty database (no accounts, no workspace but `default`): one
 * workspace per source policy, each with its own calendars, tiers (its own included level),
 * request types, customers and a day of tickets. Returns false (and writes nothing) otherwise.
 */
export async function seedDemo(prisma: PrismaClient, services: Services): Promise<boolean> {
  const [accounts, workspaces] = await acrossWorkspaces(() => Promise.all([prisma.account.count(), prisma.workspace.count()]));
  if (accounts > 0 || workspaces > 1) return false;
  for (const vendor of DEMO_VENDORS) {
    const workspace = await services.workspaces.create(PLATFORM_ADMIN, { slug: sourceSlug(vendor.policy.source), name: vendor.policy.title });
    await inWorkspace(workspace.id, async () => {
      await loadPolicy(services, SEEDER, vendor.policy);
      for (const partner of vendor.partners) await services.partners.create(SEEDER, partner);
      for (const account of vendor.accounts) await services.accounts.create(SEEDER, account);
      if (vendor.units) await seedUnitLedgers(prisma, services, SEEDER);
      for (const subscription of vendor.subscriptions) await services.tierSubscriptions.subscribe(SEEDER, subscription);
      await seedDemoTickets(services, new Set(vendor.accounts.map((account) => account.customerNumber)));
    });
  }
  return true;
}
