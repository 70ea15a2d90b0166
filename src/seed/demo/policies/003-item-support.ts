import { itemCalendar } from "../calendars.ts";
import { policyCatalog } from "../policy-catalog.ts";

/**
 * 003 — theme/plugin item support: generally within 24–48 calendar hours (best effort), first come
 * first served, ticket only; usage, technical questions, defects and updates are in scope;
 * customisation (a paid offer instead) and outdated or modified products (declined) are not.
 */
export const ITEM_SUPPORT = policyCatalog({
  source: "003",
  title: "Item (theme/plugin) support policy",
  calendars: { item: itemCalendar },
  tiers: [
    {
      code: "ITEM",
      name: "Item support",
      monthlyPrice: { amountMinor: 0, currency: "EUR" },
      includedByDefault: true,
      priority: { rank: 1, label: "normal" },
      targets: [{ kind: "FIRST_RESPONSE", amount: 48, unit: "HOURS", clock: "CALENDAR", calendar: "item", guaranteed: false }],
      channels: [{ channel: "TICKET", calendar: "item", languages: ["en", "de"] }],
    },
  ],
  requestTypes: [
    {
      code: "OUTDATED_PRODUCT",
      name: "Support for an outdated or modified product",
      inScope: false,
      outOfScope: "DECLINE",
      alternative: "Update to the current, unmodified version of the item and ask again.",
    },
  ],
  requestTypeChanges: [],
});
