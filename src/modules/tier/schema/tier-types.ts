import { REASON_CODES } from "../../entitlement/domain/index.ts";
import { INFORMATION_CONDITIONS } from "../../request-type/domain/index.ts";
import { SUPPORT_CHANNELS } from "../domain/channels.ts";
import { TARGET_KINDS, TIER_ENTITLEMENTS } from "../domain/tier-definition.ts";
import { builder } from "../../../graphql/builder.ts";

export const SupportChannel = builder.enumType("SupportChannel", {
  description: "A way to reach support. Written channels: TICKET, EMAIL, PORTAL, CONTACT_FORM, SOCIAL, CHAT.",
  values: SUPPORT_CHANNELS,
});
export const ResponseTargetKind = builder.enumType("ResponseTargetKind", { values: TARGET_KINDS });
export const TierEntitlement = builder.enumType("TierEntitlement", {
  description: "What a level includes beyond answering: how-to guidance, remote sessions, installation, development work.",
  values: TIER_ENTITLEMENTS,
});
export const InformationCondition = builder.enumType("InformationCondition", {
  values: {
    BROKEN_DATABASE: { description: "Only for problems with a broken database." },
    OUTSIDE_SUPPORT_HOURS: { description: "Only when the request arrives outside the tier's first-response calendar hours." },
  } satisfies Record<(typeof INFORMATION_CONDITIONS)[number], object>,
});
export const EntitlementReasonCode = builder.enumType("EntitlementReasonCode", { values: REASON_CODES });

export const TierPriority = builder.objectRef<{ rank: number; label: string }>("TierPriority").implement({
  description: "Higher rank = more urgent.",
  fields: (t) => ({ rank: t.exposeInt("rank"), label: t.exposeString("label") }),
});
