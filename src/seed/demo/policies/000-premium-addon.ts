import { premiumBerlin, ticket247 } from "../calendars.ts";
import { policyCatalog } from "../policy-catalog.ts";

const EUR = (amountMinor: number) => ({ amountMinor, currency: "EUR" });
const inbox = (channel: "EMAIL" | "CONTACT_FORM") => ({ channel, calendar: "inbox" as const, languages: ["de"] });

/**
 * 000 — premium support add-on of an e-mail marketing SaaS: 24 hours counted on working days in
 * Mon–Thu 09–12 & 13–16, Fri 09–12 Berlin without public holidays, phone, highest priority;
 * only active accounts with a current payment status; monthly, auto-renewing, cancel any time,
 * no pause, first month prorated.
 */
export const PREMIUM_ADDON = policyCatalog({
  source: "000",
  title: "Premium support add-on (e-mail marketing SaaS)",
  calendars: { support: premiumBerlin, inbox: ticket247 },
  tiers: [
    {
      code: "MAIL-STANDARD",
      name: "Standard support",
      monthlyPrice: EUR(0),
      includedByDefault: true,
      priority: { rank: 1, label: "normal" },
      // The source gives the standard level no figure, only that premium answers faster.
      targets: [{ kind: "FIRST_RESPONSE", amount: 2, unit: "DAYS", clock: "WORKING_DAYS", calendar: "support", guaranteed: false }],
      channels: [inbox("EMAIL"), inbox("CONTACT_FORM")],
    },
    {
      code: "MAIL-PREMIUM",
      name: "Premium support",
      // The source names no price; 29 EUR a month stands in for the shop's.
      monthlyPrice: EUR(2900),
      priority: { rank: 4, label: "highest" },
      targets: [{ kind: "FIRST_RESPONSE", amount: 24, unit: "HOURS", clock: "WORKING_DAYS", calendar: "support", guaranteed: true }],
      channels: [inbox("EMAIL"), inbox("CONTACT_FORM"), { channel: "PHONE", calendar: "support", languages: ["de"] }],
    },
  ],
  requestTypes: [],
  requestTypeChanges: [],
});
