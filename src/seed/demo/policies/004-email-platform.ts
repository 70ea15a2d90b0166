import { chatPhoneCet, ticket247 } from "../calendars.ts";
import { policyCatalog } from "../policy-catalog.ts";
import { EMAIL_PLATFORM_ARTICLES } from "./004-help-centre.ts";

// Support comes with the paying e-mail plans, billed there: the support levels cost nothing extra.
const WITH_THE_PLAN = { amountMinor: 0, currency: "EUR" };
const ticket = { channel: "TICKET" as const, calendar: "tickets" as const, languages: ["en", "fr", "de", "es"] };
const live = (channel: "CHAT" | "PHONE") => ({ channel, calendar: "live" as const, languages: ["en", "fr"], pinRequired: true });
const firstResponse = [
  { kind: "FIRST_RESPONSE" as const, amount: 24, unit: "HOURS" as const, clock: "CALENDAR" as const, calendar: "tickets" as const, guaranteed: false },
];

/**
 * 004 — e-mail delivery platform: tickets for all paying customers 24/7 in EN/FR/DE/ES, chat and
 * phone Mon–Fri 09–18 in EN/FR by subscription, identity checked with a support PIN there;
 * seven kinds of request are written only (ticket or chat, never phone); customers are pointed to
 * help-centre articles before they open a ticket.
 */
export const EMAIL_PLATFORM = policyCatalog({
  source: "004",
  title: "E-mail delivery platform",
  calendars: { tickets: ticket247, live: chatPhoneCet },
  tiers: [
    {
      code: "DLV-FREE",
      name: "Free plan (no support channel)",
      monthlyPrice: WITH_THE_PLAN,
      includedByDefault: true,
      priority: { rank: 0, label: "none" },
      targets: [],
      channels: [],
    },
    {
      code: "DLV-ESSENTIAL",
      name: "Ticket support",
      monthlyPrice: WITH_THE_PLAN,
      priority: { rank: 1, label: "normal" },
      targets: firstResponse,
      channels: [ticket],
    },
    {
      code: "DLV-PREMIUM",
      name: "Ticket, chat and phone support",
      monthlyPrice: WITH_THE_PLAN,
      priority: { rank: 2, label: "high" },
      targets: firstResponse,
      channels: [ticket, live("CHAT"), live("PHONE")],
    },
  ],
  requestTypes: [],
  requestTypeChanges: [],
  helpArticles: EMAIL_PLATFORM_ARTICLES,
});
