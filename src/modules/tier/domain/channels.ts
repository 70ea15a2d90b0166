/** The ways a customer reaches support. */
export const SUPPORT_CHANNELS = ["TICKET", "EMAIL", "PORTAL", "CONTACT_FORM", "SOCIAL", "CHAT", "PHONE", "PHONE_CALLBACK", "REMOTE_SESSION"] as const;
export type SupportChannel = (typeof SUPPORT_CHANNELS)[number];

/**
 * Channels that leave a written record. Written-only requests (refunds, account unlocks, …) may
 * use these; 004 names "ticket or chat, never phone".
 */
const WRITTEN: ReadonlySet<SupportChannel> = new Set(["TICKET", "EMAIL", "PORTAL", "CONTACT_FORM", "SOCIAL", "CHAT"]);

export const isWrittenChannel = (channel: SupportChannel): boolean => WRITTEN.has(channel);

/** Orders channels as SUPPORT_CHANNELS lists them. */
export const byChannelOrder = (a: { channel: SupportChannel }, b: { channel: SupportChannel }) =>
  SUPPORT_CHANNELS.indexOf(a.channel) - SUPPORT_CHANNELS.indexOf(b.channel);
