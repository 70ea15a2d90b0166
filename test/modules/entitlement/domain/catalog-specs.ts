import { withCalendarIds, type PolicyCatalog } from "../../../../src/seed/demo/policy-catalog.ts";
import { type BusinessCalendar, compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import type { TierSpec } from "../../../../src/modules/entitlement/domain/types.ts";
import { validateTierDefinition } from "../../../../src/modules/tier/domain/tier-definition.ts";

/** A source catalog as the pure decision sees it: tiers keyed by code, calendars compiled, calendar keys as ids. */
export function specsOf(catalog: PolicyCatalog) {
  const calendars = new Map<string, BusinessCalendar>(Object.entries(catalog.calendars).map(([key, definition]) => [key, compileCalendar(definition)]));
  const ids = Object.fromEntries(Object.keys(catalog.calendars).map((key) => [key, key]));
  const tiers: TierSpec[] = catalog.tiers.map((tier) => {
    const valid = validateTierDefinition(withCalendarIds(tier, ids));
    return { ...valid, id: valid.code, priorityRank: valid.priority.rank, priorityLabel: valid.priority.label };
  });
  const tier = (code: string) => tiers.find((t) => t.code === code)!;
  return { calendars, tiers, tier };
}
