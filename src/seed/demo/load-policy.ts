import type { Viewer } from "../../auth/viewer.ts";
import type { CalendarDefinition } from "../../modules/calendar/domain/index.ts";
import type { Services } from "../../modules/registry.ts";
import { type LoadOptions, type PolicyCatalog, withCalendarIds } from "./policy-catalog.ts";

/**
 * Loads a policy catalog through the services. `created` remembers calendars by definition, so
 * catalogs that share one (the 24/7 inbox) share its row.
 */
export async function loadPolicy(
  services: Services,
  viewer: Viewer,
  catalog: PolicyCatalog,
  options: LoadOptions = {},
  created = new Map<CalendarDefinition, string>(),
): Promise<void> {
  const ids: Record<string, string> = {};
  for (const [key, definition] of Object.entries(catalog.calendars)) {
    if (!created.has(definition)) created.set(definition, (await services.calendars.create(viewer, definition)).id);
    ids[key] = created.get(definition)!;
  }
  for (const tier of catalog.tiers) await services.tiers.create(viewer, withCalendarIds(tier, ids, options));
  for (const type of catalog.requestTypes) await services.requestTypes.create(viewer, type);
  for (const change of catalog.requestTypeChanges) await services.requestTypes.update(viewer, change);
  for (const article of catalog.helpArticles ?? []) await services.helpArticles.create(viewer, article);
}
