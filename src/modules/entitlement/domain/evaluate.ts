import { DateTime } from "luxon";
import type { BusinessCalendar } from "../../calendar/domain/index.ts";
import { isWrittenChannel, type SupportChannel } from "../../tier/domain/index.ts";
import { speaks } from "../../tier/domain/index.ts";
import { channelMatrix } from "./channel-matrix.ts";
import { effectiveTier } from "./effective-tier.ts";
import { paidLevelsWith } from "./paid-levels.ts";
import { calendarOf, responsePromise } from "./response-promise.ts";
import type { EntitlementAnswer, EntitlementBasis, EntitlementInput, Reason, RequestTypeSpec, TierSpec } from "./types.ts";

/**
 * What the customer gets for this request on this channel in this language at `at`: whether it
 * is served, every reason that speaks against it (or that the answer only reports), the tier
 * that applies, its priority, the response promise and the tier's channels.
 */
export function evaluateEntitlement(input: EntitlementInput): EntitlementAnswer {
  const { tier, basis, fallback } = effectiveTier(input);
  const reasons: Reason[] = [
    ...standingReasons(input, fallback),
    ...unitReasons(input, tier, basis),
    ...requestReasons(input, tier),
    ...channelReasons(input, tier),
  ];
  const eligible = reasons.every((reason) => !reason.blocking);
  const channel = tier?.channels.find((offered) => offered.channel === input.channel);
  return {
    at: input.at,
    eligible,
    reasons,
    tier,
    basis,
    fallback,
    priority: tier ? { rank: tier.priorityRank, label: tier.priorityLabel } : null,
    promise: eligible && tier ? responsePromise(tier, input.at, input.calendars) : [],
    channels: tier ? channelMatrix(tier, input.at, input.calendars) : [],
    requiredInformation: requiredInformation(input.requestType, tier, input.at, input.calendars),
    pinRequired: channel?.pinRequired ?? false,
    unitBased: tier?.unitBased ?? false,
  };
}

function standingReasons({ account }: EntitlementInput, fallback: EntitlementAnswer["fallback"]): Reason[] {
  if (account.status === "CLOSED") {
    return [{ code: "ACCOUNT_INACTIVE", message: "The account is closed: it has no support entitlement", blocking: true }];
  }
  if (!fallback) return [];
  const why = fallback.reason === "PAYMENT_OVERDUE" ? "the payment status is overdue" : `the account is ${account.status.toLowerCase()}`;
  return [
    {
      code: fallback.reason,
      message: `${fallback.from.name} (${fallback.from.code}) needs an active account with a current payment status; ${why}, so the included level applies`,
      blocking: false,
    },
  ];
}

/**
 * 001: premium is paid in advance from prepaid units. A booked unit-based level with no units left
 * to spend (balance plus overdraft) is not plainly available: the answer says so, with the balance
 * and the cheapest package to buy. (A partner's same-day grant is the vendor's, not paid in units.)
 */
function unitReasons({ units }: EntitlementInput, tier: TierSpec | null, basis: EntitlementBasis): Reason[] {
  if (!units || !tier || !paidInUnits(tier, basis) || unitsLeft(units) > 0) return [];
  const offer = units.cheapestPackage;
  const buy = offer ? `; buy units first, e.g. ${offer.code} (${offer.units} units for ${money(offer.priceMinor, offer.currency)})` : "; buy units first";
  return [
    {
      code: "UNITS_EXHAUSTED",
      message: `${tier.name} (${tier.code}) is paid in advance from prepaid units and none are left (balance ${units.balance})${buy}`,
      blocking: true,
      unitBalance: units.balance,
      cheapestPackage: offer,
    },
  ];
}

/** The level is paid from the account's prepaid units: a booked unit-based level. */
export const paidInUnits = (tier: TierSpec | null, basis: EntitlementBasis): boolean => (tier?.unitBased ?? false) && basis === "SUBSCRIPTION";
/** Units the account may still spend: its balance plus the overdraft staff allow. */
export const unitsLeft = (units: { balance: number; overdraftLimit: number }): number => units.balance + units.overdraftLimit;

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

/** What a customer who asks on one channel can use instead, when the tier has it (002's Gold: a callback, not a call). */
const ALTERNATIVE_CHANNELS: Partial<Record<SupportChannel, readonly SupportChannel[]>> = {
  PHONE: ["PHONE_CALLBACK"],
  PHONE_CALLBACK: ["PHONE"],
};

function requestReasons({ requestType, catalog }: EntitlementInput, tier: TierSpec | null): Reason[] {
  const reasons: Reason[] = [];
  if (!requestType.inScope) {
    const instead = requestType.alternative ? ` ${requestType.alternative}` : "";
    reasons.push(
      requestType.outOfScope === "DECLINE"
        ? { code: "NOT_SUPPORTED", message: `${requestType.name} is not supported.${instead}`, blocking: true }
        : { code: "OUT_OF_SCOPE", message: `${requestType.name} is not covered by support.${instead}`, blocking: true },
    );
  }
  const needed = requestType.requiresEntitlement;
  const lacksPaid = requestType.premiumOnly && (!tier || tier.includedByDefault);
  const lacksEntitlement = needed !== null && !tier?.entitlements.includes(needed);
  if (lacksPaid || lacksEntitlement) {
    const qualifying = paidLevelsWith(catalog, needed);
    const offer = qualifying.length ? ` (${codes(qualifying)})` : "";
    const what = needed ? `a paid level that includes ${needed}` : "a paid level";
    reasons.push({ code: "PREMIUM_REQUIRED", message: `${requestType.name} needs ${what}${offer}`, blocking: true });
  }
  return reasons;
}

function channelReasons({ requestType, channel, language, at, calendars, catalog }: EntitlementInput, tier: TierSpec | null): Reason[] {
  const reasons: Reason[] = [];
  if (requestType.writtenOnly && !isWrittenChannel(channel)) {
    const written = tier?.channels.filter((c) => isWrittenChannel(c.channel)).map((c) => c.channel) ?? [];
    const use = written.length ? `: use ${written.join(" or ")}` : "";
    reasons.push({ code: "WRITTEN_CHANNEL_REQUIRED", message: `${requestType.name} needs a written request, never ${channel}${use}`, blocking: true, channel });
  }
  const offered = tier?.channels.find((c) => c.channel === channel);
  if (!offered) {
    // The catalog is the workspace's: only this vendor's own levels are ever suggested.
    const elsewhere = catalog.filter((t) => t.id !== tier?.id && t.channels.some((c) => c.channel === channel));
    const comesWith = elsewhere.length ? `; it comes with ${codes(elsewhere)}` : "";
    const level = tier ? `part of ${tier.code}` : "available without a support level";
    const own = (ALTERNATIVE_CHANNELS[channel] ?? []).filter((alternative) => tier?.channels.some((c) => c.channel === alternative));
    const instead = own.length ? `; ${tier!.code} offers ${own.join(" or ")} instead` : "";
    reasons.push({ code: "CHANNEL_NOT_IN_TIER", message: `${channel} is not ${level}${instead}${comesWith}`, blocking: true, channel });
    return reasons;
  }
  if (!speaks(offered.languages, language)) {
    reasons.push({
      code: "LANGUAGE_NOT_OFFERED",
      message: `${channel} is staffed in ${offered.languages.join(", ")}, not in ${language}`,
      blocking: true,
      channel,
    });
  }
  const calendar = calendarOf(calendars, offered.calendarId);
  if (!calendar.isOpen(at)) {
    const next = calendar.nextOpening(at);
    const when = next === null ? "it does not open again" : `it opens ${localTime(next, calendar)}`;
    reasons.push({ code: "CHANNEL_CLOSED", message: `${channel} is closed now; ${when}`, blocking: true, channel, nextOpeningAt: next });
  }
  if (offered.pinRequired) {
    reasons.push({ code: "PIN_REQUIRED", message: `Agents on ${channel} verify the customer's support PIN first`, blocking: false, channel });
  }
  return reasons;
}

/**
 * The request type's checklist as it applies now: items for broken databases stay (the problem
 * decides), items for requests outside support hours only when the tier's first-response
 * calendar is closed at `at`, items for the included level only when that level applies.
 */
function requiredInformation(requestType: RequestTypeSpec, tier: TierSpec | null, at: number, calendars: ReadonlyMap<string, BusinessCalendar>) {
  const supportHours = tier?.targets.find((target) => target.kind === "FIRST_RESPONSE")?.calendarId;
  const outside = supportHours ? !calendarOf(calendars, supportHours).isOpen(at) : true;
  const included = tier?.includedByDefault ?? false;
  return requestType.requiredInformation.filter((item) => (item.when !== "OUTSIDE_SUPPORT_HOURS" || outside) && (item.when !== "INCLUDED_LEVEL" || included));
}

const codes = (tiers: readonly TierSpec[]) =>
  [...tiers]
    .sort((a, b) => a.priorityRank - b.priorityRank)
    .map((t) => t.code)
    .join(", ");

const localTime = (at: number, calendar: BusinessCalendar) =>
  `${DateTime.fromMillis(at, { zone: calendar.timeZone, locale: "en" }).toFormat("cccc yyyy-MM-dd HH:mm")} (${calendar.timeZone})`;
