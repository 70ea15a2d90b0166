import type { RequestTypeDefinition } from "./request-type-definition.ts";

const writtenOnly = (code: string, name: string): RequestTypeDefinition => ({ code, name, writtenOnly: true });

/**
 * The request types the five source policies name, inserted at start-up when missing (an admin's
 * later edits are kept). Vendor-specific settings such as 001's required information are the
 * policy catalogs' to apply.
 */
export const STANDARD_REQUEST_TYPES: readonly RequestTypeDefinition[] = [
  // 003: what item support covers
  { code: "USAGE_QUESTION", name: "Question about using the product" },
  { code: "TECHNICAL_QUESTION", name: "Technical question" },
  { code: "DEFECT", name: "Defect of the product or a bundled third-party part" },
  { code: "UPDATE", name: "Update for compatibility or security" },
  // 001: "show me how to import file X" is premium only
  { code: "HOW_TO", name: "How-to or import guidance", premiumOnly: true, requiresEntitlement: "HOW_TO" },
  // 003: customisation and custom code are out of scope and go to a paid offer
  {
    code: "CUSTOMISATION",
    name: "Customisation or custom code",
    inScope: false,
    alternative: "Customisation is not part of support: describe it in the support form to receive a paid offer.",
  },
  // 004: written only (ticket or chat, never phone)
  writtenOnly("ACCOUNT_UNLOCK", "Unlock an account after a compromise"),
  writtenOnly("CONTACT_DELETION", "Delete or unblock a contact"),
  writtenOnly("BILLING_DATA", "Sensitive company or billing data"),
  writtenOnly("DELIVERABILITY_INVESTIGATION", "Deliverability investigation"),
  writtenOnly("INVOICE_REQUEST", "Invoice request or invoice e-mail update"),
  writtenOnly("REFUND", "Refund"),
  writtenOnly("CARD_DATA_DELETION", "Delete stored credit card data"),
  // 001: a booking covers one installation
  { code: "INSTALLATION", name: "Installation by the vendor", requiresEntitlement: "INSTALLATION" },
];
