import { displayName } from "../../account/domain/index.ts";
import { MAX_SPAN_DAYS } from "../../calendar/domain/index.ts";
import type { ClockMode, DurationUnit } from "../../calendar/domain/index.ts";
import { parseLocalTime } from "../../calendar/domain/index.ts";
import { ValidationError } from "../../../domain/errors.ts";
import { byChannelOrder, SUPPORT_CHANNELS, type SupportChannel } from "./channels.ts";
import { language } from "./language.ts";
import { money, type Money } from "../../../domain/money.ts";

export const TARGET_KINDS = ["FIRST_RESPONSE", "NEXT_RESPONSE", "RESOLUTION"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TIER_ENTITLEMENTS = ["HOW_TO", "REMOTE_SESSION", "INSTALLATION", "DEVELOPMENT"] as const;
export type TierEntitlement = (typeof TIER_ENTITLEMENTS)[number];
const CLOCK_MODES: readonly ClockMode[] = ["BUSINESS_HOURS", "WORKING_DAYS", "CALENDAR"];
const DURATION_UNITS: readonly DurationUnit[] = ["MINUTES", "HOURS", "DAYS"];

export const DEFAULT_WARNING_THRESHOLDS: readonly number[] = [0.75, 0.9];
const MAX_THRESHOLDS = 5;
const MAX_LANGUAGES = 20;
const MAX_PRIORITY_RANK = 1000;
const MAX_LABEL_LENGTH = 40;
const MINUTES_PER_UNIT: Record<DurationUnit, number> = { MINUTES: 1, HOURS: 60, DAYS: 1440 };
const TIER_CODE = /^[A-Z0-9](?:[A-Z0-9-]{0,30}[A-Z0-9])$/;

export interface TargetDefinition {
  kind: TargetKind;
  amount: number;
  unit: DurationUnit;
  clock: ClockMode;
  calendarId: string;
  guaranteed: boolean;
  /** DAYS only: due at the end of the Nth day the clock runs (1 = the same day); default false */
  endOfDay?: boolean | null;
}

/** A target's own fields, as a stored row or an input carries them (`endOfDay` defaulted). */
export const targetFields = ({ kind, amount, unit, clock, calendarId, guaranteed, endOfDay }: TargetDefinition) => ({
  kind,
  amount,
  unit,
  clock,
  calendarId,
  guaranteed,
  endOfDay: endOfDay ?? false,
});

export interface ChannelDefinition {
  channel: SupportChannel;
  calendarId: string;
  languages: string[];
  pinRequired?: boolean | null;
}

/** A tier as an input carries it; optional fields take their defaults. */
export interface TierDefinition {
  code: string;
  name: string;
  monthlyPrice: Money;
  includedByDefault?: boolean | null;
  priority: { rank: number; label: string };
  targets: TargetDefinition[];
  warningThresholds?: readonly number[] | null;
  channels: ChannelDefinition[];
  entitlements?: readonly TierEntitlement[] | null;
  unitBased?: boolean | null;
  partnerSaleCutoff?: string | null;
}

/** A validated tier: every field present, lists in canonical order. */
export interface NormalisedTier extends TierDefinition {
  includedByDefault: boolean;
  targets: (TargetDefinition & { endOfDay: boolean })[];
  warningThresholds: number[];
  channels: (ChannelDefinition & { pinRequired: boolean })[];
  entitlements: TierEntitlement[];
  unitBased: boolean;
  partnerSaleCutoff: string | null;
}

export function tierCode(field: string, value: string): string {
  const normalised = value.trim().toUpperCase();
  if (!TIER_CODE.test(normalised)) throw new ValidationError(field, `${field} must be 2–32 letters, digits or inner dashes, e.g. GOLD`);
  return normalised;
}

/**
 * Checks every rule of a tier and returns it normalised; throws a ValidationError naming the
 * offending input path (`targets.1.amount`, `channels.0.languages.2`). Calendar ids are only
 * checked for presence here; whether they exist is the service's to say.
 */
export function validateTierDefinition(input: TierDefinition): NormalisedTier {
  const includedByDefault = input.includedByDefault ?? false;
  const monthlyPrice = money("monthlyPrice", input.monthlyPrice);
  if (includedByDefault && monthlyPrice.amountMinor !== 0) {
    throw new ValidationError("monthlyPrice.amountMinor", "An included level costs nothing: monthlyPrice.amountMinor must be 0");
  }
  const channels = validateChannels(input.channels);
  const targets = validateTargets(input.targets, channels.length > 0);
  const partnerSaleCutoff = input.partnerSaleCutoff ?? null;
  if (partnerSaleCutoff !== null) {
    const minutes = parseLocalTime(partnerSaleCutoff, true);
    if (minutes === null || minutes === 0) throw new ValidationError("partnerSaleCutoff", "partnerSaleCutoff must be a time HH:mm after 00:00");
    if (!targets.some((target) => target.kind === "FIRST_RESPONSE")) {
      throw new ValidationError("partnerSaleCutoff", "partnerSaleCutoff is read in the zone of the FIRST_RESPONSE calendar; add that target");
    }
    if (includedByDefault) throw new ValidationError("partnerSaleCutoff", "An included level needs no partner-sale grant");
  }
  return {
    code: tierCode("code", input.code),
    name: displayName("name", input.name),
    monthlyPrice,
    includedByDefault,
    priority: validatePriority(input.priority),
    targets,
    warningThresholds: validateThresholds(input.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS),
    channels,
    entitlements: TIER_ENTITLEMENTS.filter((entitlement) => (input.entitlements ?? []).includes(entitlement)),
    unitBased: input.unitBased ?? false,
    partnerSaleCutoff,
  };
}

function validatePriority(priority: { rank: number; label: string }) {
  if (!Number.isInteger(priority.rank) || priority.rank < 0 || priority.rank > MAX_PRIORITY_RANK) {
    throw new ValidationError("priority.rank", `priority.rank must be a whole number 0–${MAX_PRIORITY_RANK} (higher = more urgent)`);
  }
  const label = priority.label.trim();
  if (!label || label.length > MAX_LABEL_LENGTH) throw new ValidationError("priority.label", `priority.label must be 1–${MAX_LABEL_LENGTH} characters`);
  return { rank: priority.rank, label };
}

function validateTargets(targets: readonly TargetDefinition[], hasChannels: boolean): NormalisedTier["targets"] {
  const checked = targets.map((target, index) => {
    const path = `targets.${index}`;
    if (!TARGET_KINDS.includes(target.kind)) throw new ValidationError(`${path}.kind`, `${path}.kind must be one of ${TARGET_KINDS.join(", ")}`);
    if (targets.findIndex((other) => other.kind === target.kind) !== index) {
      throw new ValidationError(`${path}.kind`, `${path}.kind: a tier has one ${target.kind} target`);
    }
    if (!DURATION_UNITS.includes(target.unit)) throw new ValidationError(`${path}.unit`, `${path}.unit must be one of ${DURATION_UNITS.join(", ")}`);
    if (!CLOCK_MODES.includes(target.clock)) throw new ValidationError(`${path}.clock`, `${path}.clock must be one of ${CLOCK_MODES.join(", ")}`);
    const maximum = (MAX_SPAN_DAYS * 1440) / MINUTES_PER_UNIT[target.unit];
    if (!Number.isInteger(target.amount) || target.amount < 1 || target.amount > maximum) {
      throw new ValidationError(`${path}.amount`, `${path}.amount must be a whole number 1–${maximum} (${target.unit.toLowerCase()})`);
    }
    if (!target.calendarId) throw new ValidationError(`${path}.calendarId`, `${path}.calendarId is required`);
    const endOfDay = target.endOfDay ?? false;
    if (endOfDay && target.unit !== "DAYS") throw new ValidationError(`${path}.endOfDay`, `${path}.endOfDay needs unit DAYS: due at the end of the Nth day`);
    return {
      kind: target.kind,
      amount: target.amount,
      unit: target.unit,
      clock: target.clock,
      calendarId: target.calendarId,
      guaranteed: target.guaranteed,
      endOfDay,
    };
  });
  if (hasChannels && !checked.some((target) => target.kind === "FIRST_RESPONSE")) {
    throw new ValidationError("targets", "A tier with channels needs a FIRST_RESPONSE target");
  }
  return checked.sort((a, b) => TARGET_KINDS.indexOf(a.kind) - TARGET_KINDS.indexOf(b.kind));
}

function validateThresholds(thresholds: readonly number[]): number[] {
  if (thresholds.length > MAX_THRESHOLDS) throw new ValidationError("warningThresholds", `warningThresholds takes at most ${MAX_THRESHOLDS} fractions`);
  thresholds.forEach((fraction, index) => {
    const field = `warningThresholds.${index}`;
    if (!(fraction > 0 && fraction < 1)) throw new ValidationError(field, `${field} must be a fraction of the budget between 0 and 1 (exclusive)`);
    if (index > 0 && fraction <= thresholds[index - 1]!) throw new ValidationError(field, `${field} must be greater than the one before`);
  });
  return [...thresholds];
}

function validateChannels(channels: readonly ChannelDefinition[]): NormalisedTier["channels"] {
  return channels
    .map((channel, index) => {
      const path = `channels.${index}`;
      if (!SUPPORT_CHANNELS.includes(channel.channel)) {
        throw new ValidationError(`${path}.channel`, `${path}.channel must be one of ${SUPPORT_CHANNELS.join(", ")}`);
      }
      if (channels.findIndex((other) => other.channel === channel.channel) !== index) {
        throw new ValidationError(`${path}.channel`, `${path}.channel: ${channel.channel} is listed twice`);
      }
      if (!channel.calendarId) throw new ValidationError(`${path}.calendarId`, `${path}.calendarId is required`);
      if (channel.languages.length === 0 || channel.languages.length > MAX_LANGUAGES) {
        throw new ValidationError(`${path}.languages`, `${path}.languages must name 1–${MAX_LANGUAGES} languages`);
      }
      const languages = channel.languages.map((tag, i) => language(`${path}.languages.${i}`, tag.trim()));
      languages.forEach((tag, i) => {
        if (languages.indexOf(tag) !== i) throw new ValidationError(`${path}.languages.${i}`, `${path}.languages.${i}: ${tag} is listed twice`);
      });
      return { channel: channel.channel, calendarId: channel.calendarId, languages, pinRequired: channel.pinRequired ?? false };
    })
    .sort(byChannelOrder);
}
