import type { TierEntitlement } from "../../tier/domain/index.ts";
import type { TierSpec } from "./types.ts";

/** The catalog's paid levels that include `entitlement` (any paid level when null), lowest priority first. */
export function paidLevelsWith(catalog: readonly TierSpec[], entitlement: TierEntitlement | null): TierSpec[] {
  return catalog
    .filter((tier) => !tier.includedByDefault && (entitlement === null || tier.entitlements.includes(entitlement)))
    .sort((a, b) => a.priorityRank - b.priorityRank);
}
