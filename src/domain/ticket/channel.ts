/** How a customer reaches support. TICKET covers the support portal and ticket web forms. */
export const SUPPORT_CHANNELS = ["TICKET", "EMAIL", "CONTACT_FORM", "SOCIAL_MEDIA", "CHAT", "PHONE"] as const;
export type SupportChannel = (typeof SUPPORT_CHANNELS)[number];
