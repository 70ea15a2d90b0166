import { paidLevels, ticket247 } from "../calendars.ts";
import { type CatalogTier, policyCatalog } from "../policy-catalog.ts";

type Keys = "levels" | "inbox";
const written = (["EMAIL", "PORTAL", "CONTACT_FORM", "SOCIAL"] as const).map((channel) => ({ channel, calendar: "inbox" as const, languages: ["de"] }));
const callback = { channel: "PHONE_CALLBACK" as const, calendar: "levels" as const, languages: ["de"] };

function paidLevel(code: string, name: string, euros: number, hours: number, rank: number, label: string, phone: boolean): CatalogTier<Keys> {
  return {
    code,
    name,
    monthlyPrice: { amountMinor: euros * 100, currency: "EUR" },
    priority: { rank, label },
    targets: [{ kind: "FIRST_RESPONSE", amount: hours, unit: "HOURS", clock: "BUSINESS_HOURS", calendar: "levels", guaranteed: true }],
    channels: phone ? [...written, callback] : written,
  };
}

/**
 * 002 — e-commerce back-office SaaS: Basis included from account creation (usually 1–2 working
 * days); Bronze, Silver, Gold monthly without minimum term, guaranteed first response counted in
 * working hours Mon–Fri 09–17, Silver and Gold with phone callback.
 */
export const ECOMMERCE_BACKOFFICE = policyCatalog<Keys>({
  source: "002",
  title: "E-commerce back-office SaaS",
  calendars: { levels: paidLevels, inbox: ticket247 },
  tiers: [
    {
      code: "BASIS",
      name: "Basis support",
      monthlyPrice: { amountMinor: 0, currency: "EUR" },
      includedByDefault: true,
      priority: { rank: 1, label: "normal" },
      targets: [{ kind: "FIRST_RESPONSE", amount: 2, unit: "DAYS", clock: "WORKING_DAYS", calendar: "levels", guaranteed: false }],
      channels: written,
    },
    paidLevel("BRONZE", "Support level Bronze", 19, 12, 2, "medium", false),
    paidLevel("SILVER", "Support level Silver", 39, 8, 3, "high", true),
    paidLevel("GOLD", "Support level Gold", 59, 4, 4, "highest", true),
  ],
  requestTypes: [],
  requestTypeChanges: [],
});
