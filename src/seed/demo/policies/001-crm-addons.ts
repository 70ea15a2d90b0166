import { hotlineCet, installationCet, ticket247 } from "../calendars.ts";
import { policyCatalog } from "../policy-catalog.ts";

const LANGUAGES = ["de", "en"];
const FREE_OF_CHARGE = { amountMinor: 0, currency: "EUR" };
// "Moreover the newest version of our add-ons must be installed" — a condition of free support.
const LATEST_VERSION = { key: "latestVersion", label: "The latest version of the add-on is installed", when: "INCLUDED_LEVEL" as const };
const CASE_INFORMATION = [
  { key: "environment", label: "Workstation environment", when: null },
  { key: "reproductionSteps", label: "Clear steps to reproduce the problem", when: null },
  { key: "databaseBackup", label: "Database backup (empty or full, as the problem requires)", when: "BROKEN_DATABASE" as const },
  { key: "screenshots", label: "Documentation of the problem with screenshots", when: null },
  LATEST_VERSION,
];

/**
 * 001 — add-on vendor for CRM systems: free support by ticket (and chat when someone is there),
 * usually 1, at most 2 working days, no remote sessions, no how-to; premium prepaid in units
 * with remote sessions starting the same day, how-to and development, the hotline 07–20;
 * installation support bookable on either level; partners that sold before 18:00 get premium
 * help the same day; work starts once the case is complete.
 */
export const CRM_ADDONS = policyCatalog({
  source: "001",
  title: "Add-on vendor for CRM systems",
  calendars: { office: installationCet, hotline: hotlineCet, tickets: ticket247 },
  tiers: [
    {
      code: "CRM-FREE",
      name: "Free support",
      monthlyPrice: FREE_OF_CHARGE,
      includedByDefault: true,
      priority: { rank: 1, label: "normal" },
      // Installation support is its own bookable product, not tied to premium.
      entitlements: ["INSTALLATION"],
      targets: [{ kind: "FIRST_RESPONSE", amount: 2, unit: "DAYS", clock: "WORKING_DAYS", calendar: "office", guaranteed: false }],
      channels: [
        { channel: "TICKET", calendar: "tickets", languages: LANGUAGES },
        { channel: "CHAT", calendar: "office", languages: LANGUAGES },
      ],
    },
    {
      code: "CRM-PREMIUM",
      name: "Premium support (prepaid units)",
      // Paid from prepaid units (15 minutes each), not by the month.
      monthlyPrice: FREE_OF_CHARGE,
      unitBased: true,
      priority: { rank: 3, label: "high" },
      entitlements: ["HOW_TO", "REMOTE_SESSION", "INSTALLATION", "DEVELOPMENT"],
      partnerSaleCutoff: "18:00",
      // "Normally the remote session starts the same day": best effort, by the close of the office
      // day the clock starts (asked after 18:00 or at the weekend, the next working day's 18:00).
      targets: [{ kind: "FIRST_RESPONSE", amount: 1, unit: "DAYS", clock: "BUSINESS_HOURS", endOfDay: true, calendar: "office", guaranteed: false }],
      channels: [
        { channel: "TICKET", calendar: "tickets", languages: LANGUAGES },
        { channel: "CHAT", calendar: "office", languages: LANGUAGES },
        { channel: "PHONE", calendar: "hotline", languages: LANGUAGES },
        { channel: "REMOTE_SESSION", calendar: "office", languages: LANGUAGES },
      ],
    },
  ],
  requestTypes: [
    { code: "REMOTE_SUPPORT", name: "Remote session on the customer's computer", requiresEntitlement: "REMOTE_SESSION" },
    { code: "DEVELOPMENT", name: "Development work", requiresEntitlement: "DEVELOPMENT" },
  ],
  requestTypeChanges: [
    { code: "DEFECT", requiredInformation: CASE_INFORMATION },
    { code: "TECHNICAL_QUESTION", requiredInformation: CASE_INFORMATION },
    { code: "USAGE_QUESTION", requiredInformation: [LATEST_VERSION] },
    {
      code: "INSTALLATION",
      requiredInformation: [{ key: "proposedDates", label: "At least two proposed installation dates", when: "OUTSIDE_SUPPORT_HOURS" }],
    },
  ],
});
