import { PREMIUM_ADDON } from "./policies/000-premium-addon.ts";
import { CRM_ADDONS } from "./policies/001-crm-addons.ts";
import { ECOMMERCE_BACKOFFICE } from "./policies/002-ecommerce-backoffice.ts";
import { ITEM_SUPPORT } from "./policies/003-item-support.ts";
import { EMAIL_PLATFORM } from "./policies/004-email-platform.ts";
import type { PolicyCatalog } from "./policy-catalog.ts";

/** The five source policies in order. */
export const POLICIES: readonly PolicyCatalog[] = [PREMIUM_ADDON, CRM_ADDONS, ECOMMERCE_BACKOFFICE, ITEM_SUPPORT, EMAIL_PLATFORM];
