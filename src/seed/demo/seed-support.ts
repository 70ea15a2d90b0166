import type { Viewer } from "../../auth/viewer.ts";
import type { CalendarDefinition } from "../../modules/calendar/domain/index.ts";
import type { Services } from "../../modules/registry.ts";
import { loadPolicy } from "./load-policy.ts";
import { POLICIES } from "./policies.ts";

const SEEDER: Viewer = { role: "ADMIN", tokenId: "system:demo-seed", partnerId: null, accountId: null };

/** Which source's included level every demo account has: one catalog owns the default. */
const DEFAULT_SOURCE = "002";

/** Paid levels of the demo accounts: one per source, and the overdue and suspended ones fall back. */
export const DEMO_SUBSCRIPTIONS: readonly { customerNumber: string; tierCode: string }[] = [
  { customerNumber: "C-10001", tierCode: "GOLD" },
  { customerNumber: "C-10002", tierCode: "DLV-PREMIUM" },
  { customerNumber: "C-10003", tierCode: "MAIL-PREMIUM" },
  { customerNumber: "C-10004", tierCode: "CRM-PREMIUM" },
  { customerNumber: "C-10005", tierCode: "SILVER" },
];

/** The five source policies' calendars, tiers and request types, and the demo accounts' levels. */
export async function seedSupportCatalog(services: Services): Promise<void> {
  const calendars = new Map<CalendarDefinition, string>();
  for (const policy of POLICIES) {
    await loadPolicy(services, SEEDER, policy, { includedByDefault: policy.source === DEFAULT_SOURCE }, calendars);
  }
  for (const subscription of DEMO_SUBSCRIPTIONS) await services.tierSubscriptions.subscribe(SEEDER, subscription);
}
