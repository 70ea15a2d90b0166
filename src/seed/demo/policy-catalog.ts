import type { CalendarDefinition } from "../../modules/calendar/domain/index.ts";
import type { HelpArticleDefinition } from "../../modules/help-centre/domain/index.ts";
import type { RequestTypeDefinition } from "../../modules/request-type/domain/index.ts";
import type { ChannelDefinition, TargetDefinition, TierDefinition } from "../../modules/tier/domain/index.ts";

/** A tier whose targets and channels name calendars by their key in the catalog. */
export interface CatalogTier<K extends string> extends Omit<TierDefinition, "targets" | "channels"> {
  targets: (Omit<TargetDefinition, "calendarId"> & { calendar: K })[];
  channels: (Omit<ChannelDefinition, "calendarId"> & { calendar: K })[];
}

/**
 * One source policy as configuration: its calendars, tiers and request types. The demo seed
 * loads these through the services, the test fixtures through the GraphQL API.
 */
export interface PolicyCatalog<K extends string = string> {
  source: string;
  title: string;
  calendars: Record<K, CalendarDefinition>;
  tiers: CatalogTier<K>[];
  /** request types this source adds to the standard ones */
  requestTypes: RequestTypeDefinition[];
  /** changes this source makes to standard request types (what is given replaces) */
  requestTypeChanges: (Partial<RequestTypeDefinition> & { code: string })[];
  /** help-centre articles customers are pointed to before they open a ticket */
  helpArticles?: HelpArticleDefinition[];
}

export interface LoadOptions {
  /** false loads the included level as an ordinary tier: only one catalog may own the default */
  includedByDefault?: boolean;
}

/** The tier's definition with calendar keys replaced by the ids the loader created. */
export function withCalendarIds<K extends string>(tier: CatalogTier<K>, ids: Record<K, string>, options: LoadOptions = {}): TierDefinition {
  return {
    ...tier,
    includedByDefault: (tier.includedByDefault ?? false) && options.includedByDefault !== false,
    targets: tier.targets.map(({ calendar, ...target }) => ({ ...target, calendarId: ids[calendar] })),
    channels: tier.channels.map(({ calendar, ...channel }) => ({ ...channel, calendarId: ids[calendar] })),
  };
}

/** Builds a catalog with its calendar keys checked against the tiers at compile time. */
export const policyCatalog = <K extends string>(catalog: PolicyCatalog<K>): PolicyCatalog<K> => catalog;
