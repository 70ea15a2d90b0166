import { describedValues } from "../../../graphql/enum-values.ts";
import { REASON_CODES } from "../../entitlement/domain/index.ts";
import type { INFORMATION_CONDITIONS } from "../../request-type/domain/index.ts";
import { SUPPORT_CHANNELS } from "../domain/channels.ts";
import { TARGET_KINDS, TIER_ENTITLEMENTS } from "../domain/tier-definition.ts";
import { builder } from "../../../graphql/builder.ts";

export const SupportChannel = builder.enumType("SupportChannel", {
  description: "A way to reach support. Written channels: TICKET, EMAIL, PORTAL, CONTACT_FORM, SOCIAL, CHAT.",
  values: describedValues(SUPPORT_CHANNELS, {
    TICKET: "A ticket in the support system (written).",
    EMAIL: "E-mail (written).",
    PORTAL: "The customer portal (written).",
    CONTACT_FORM: "The website's contact form (written).",
    SOCIAL: "Social media messages (written).",
    CHAT: "Live chat (written).",
    PHONE: "A phone call.",
    PHONE_CALLBACK: "A call back by support at an agreed time.",
    REMOTE_SESSION: "A remote session on the customer's computer.",
  }),
});
export const ResponseTargetKind = builder.enumType("ResponseTargetKind", {
  description: "Which promise a target (and the ticket clock counting it) measures; a tier has at most one of each.",
  values: describedValues(TARGET_KINDS, {
    FIRST_RESPONSE: "Time to the first public reply.",
    NEXT_RESPONSE: "Time from a customer reply to the next public reply.",
    RESOLUTION: "Time to solving the ticket.",
  }),
});
export const TierEntitlement = builder.enumType("TierEntitlement", {
  description: "What a level includes beyond answering: how-to guidance, remote sessions, installation, development work.",
  values: describedValues(TIER_ENTITLEMENTS, {
    HOW_TO: "Guidance on using the product.",
    REMOTE_SESSION: "Remote sessions booked with remoteSessionBook.",
    INSTALLATION: "Installations booked with installationBook.",
    DEVELOPMENT: "Development work (customisation).",
  }),
});
export const InformationCondition = builder.enumType("InformationCondition", {
  description: "When a checklist item is required; without a condition it always is.",
  values: {
    BROKEN_DATABASE: { description: "Only for problems with a broken database." },
    OUTSIDE_SUPPORT_HOURS: { description: "Only when the request arrives outside the tier's first-response calendar hours." },
    INCLUDED_LEVEL: { description: "Only when the request is served on the workspace's included (free) level." },
  } satisfies Record<(typeof INFORMATION_CONDITIONS)[number], object>,
});
export const EntitlementReasonCode = builder.enumType("EntitlementReasonCode", {
  description: "Why an entitlement answer is what it is; each code is blocking or only reported, as its reason says.",
  values: describedValues(REASON_CODES, {
    ACCOUNT_INACTIVE: "The account is suspended or closed.",
    PAYMENT_OVERDUE: "A payment is overdue; a paid level falls back.",
    CHANNEL_NOT_IN_TIER: "The tier does not offer this channel.",
    CHANNEL_CLOSED: "The channel is closed now; see nextOpeningAt.",
    LANGUAGE_NOT_OFFERED: "The channel is not staffed in this language.",
    WRITTEN_CHANNEL_REQUIRED: "This request type is taken in writing only.",
    OUT_OF_SCOPE: "Not covered by support; offered as paid work instead.",
    NOT_SUPPORTED: "Not supported and declined (e.g. an outdated or modified product); the message says what to do first.",
    PREMIUM_REQUIRED: "Needs a premium level the account does not have.",
    UNITS_EXHAUSTED: "The level is paid in advance from prepaid units and none are left; see unitBalance and cheapestPackage.",
    PIN_REQUIRED: "Agents verify the support PIN on this channel first (non-blocking).",
  }),
});

export const TierPriority = builder.objectRef<{ rank: number; label: string }>("TierPriority").implement({
  description: "Higher rank = more urgent.",
  fields: (t) => ({
    rank: t.exposeInt("rank", { description: "Whole number 0–1000; higher is more urgent and comes first in queues." }),
    label: t.exposeString("label", { description: "The rank's name for people, 1–40 characters, e.g. high." }),
  }),
});
