import type { AccountCreateInput } from "../../modules/account/index.ts";
import { PREMIUM_ADDON } from "./policies/000-premium-addon.ts";
import { CRM_ADDONS } from "./policies/001-crm-addons.ts";
import { ECOMMERCE_BACKOFFICE } from "./policies/002-ecommerce-backoffice.ts";
import { ITEM_SUPPORT } from "./policies/003-item-support.ts";
import { EMAIL_PLATFORM } from "./policies/004-email-platform.ts";
import type { PolicyCatalog } from "./policy-catalog.ts";

/** The workspace slug of a source policy, in the demo and in the tests. */
export const sourceSlug = (source: string) => `source-${source}`;

/** One vendor of the demo: its policy, customers, resellers and the paid levels its customers booked. */
export interface DemoVendor {
  policy: PolicyCatalog;
  partners: { code: string; name: string }[];
  accounts: AccountCreateInput[];
  subscriptions: { customerNumber: string; tierCode: string }[];
  /** prepaid unit packages and ledgers (001 only) */
  units: boolean;
}

/** Five vendors, one workspace each: every source policy runs exactly as written, next to the others. */
export const DEMO_VENDORS: readonly DemoVendor[] = [
  {
    policy: PREMIUM_ADDON,
    partners: [],
    accounts: [
      { customerNumber: "C-10003", name: "Bergsport Huber KG", language: "de", paymentStatus: "OVERDUE" },
      { customerNumber: "C-10007", name: "Lindenhof Newsletter GmbH", language: "de" },
    ],
    subscriptions: [
      { customerNumber: "C-10003", tierCode: "MAIL-PREMIUM" },
      { customerNumber: "C-10007", tierCode: "MAIL-PREMIUM" },
    ],
    units: false,
  },
  {
    policy: CRM_ADDONS,
    partners: [{ code: "P-CRMWORKS", name: "CRM Works Reseller GmbH" }],
    accounts: [
      { customerNumber: "C-10004", name: "Brightside Analytics Ltd", language: "en", partnerCode: "P-CRMWORKS" },
      { customerNumber: "C-10008", name: "Kontor Meyer OHG", language: "de" },
    ],
    subscriptions: [{ customerNumber: "C-10004", tierCode: "CRM-PREMIUM" }],
    units: true,
  },
  {
    policy: ECOMMERCE_BACKOFFICE,
    partners: [],
    accounts: [
      { customerNumber: "C-10001", name: "Nordlicht Versand GmbH", language: "de" },
      { customerNumber: "C-10005", name: "Tienda Sol S.L.", language: "es", status: "SUSPENDED" },
      { customerNumber: "C-10009", name: "Hafenkante Shop UG", language: "de" },
    ],
    subscriptions: [
      { customerNumber: "C-10001", tierCode: "GOLD" },
      { customerNumber: "C-10005", tierCode: "SILVER" },
    ],
    units: false,
  },
  {
    policy: ITEM_SUPPORT,
    partners: [],
    accounts: [
      { customerNumber: "C-10006", name: "Old Harbour Trading", language: "en", status: "CLOSED" },
      { customerNumber: "C-10010", name: "Pixel Theme Studio", language: "en" },
    ],
    subscriptions: [],
    units: false,
  },
  {
    policy: EMAIL_PLATFORM,
    partners: [],
    accounts: [{ customerNumber: "C-10002", name: "Atelier Dupont SARL", language: "fr" }],
    subscriptions: [{ customerNumber: "C-10002", tierCode: "DLV-PREMIUM" }],
    units: false,
  },
];
