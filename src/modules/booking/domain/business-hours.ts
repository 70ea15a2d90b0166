import type { BusinessCalendar } from "../../calendar/domain/index.ts";
import type { TierSpec } from "../../entitlement/domain/index.ts";
import { BOOKING_LIMITS, type Slot } from "./booking-slots.ts";
import { AtLeastTwoProposalsRequiredError } from "./errors.ts";

const DAY_MS = 86_400_000;
/** How far after a refused proposal to look for a slot inside the hours to suggest. */
const SUGGESTION_DAYS = 31;

export interface ProposedSlot extends Slot {
  insideHours: boolean;
}

/**
 * The hours sessions and installations are booked in: the calendar of the tier's REMOTE_SESSION
 * channel, since installing means logging into the customer's computer (001) — in 001 that is the
 * office calendar, Mon–Fri 07–18. A tier without that channel books in its FIRST_RESPONSE
 * calendar (its support hours); null when it has neither, and then no slot is inside the hours.
 */
export function sessionCalendarId(tier: Pick<TierSpec, "channels" | "targets">): string | null {
  return (
    tier.channels.find((channel) => channel.channel === "REMOTE_SESSION")?.calendarId ??
    tier.targets.find((target) => target.kind === "FIRST_RESPONSE")?.calendarId ??
    null
  );
}

/** Open for every minute of the slot (across adjacent intervals too). */
export const insideHours = (hours: BusinessCalendar, slot: Slot): boolean => hours.businessMillisBetween(slot.start, slot.end) === slot.end - slot.start;

/**
 * 001: a slot inside business hours is accepted on its own; outside them the booking needs at
 * least two proposals. Marks each slot inside or outside the hours.
 */
export function applyHoursRule(slots: readonly Slot[], hours: BusinessCalendar | null, now: number): ProposedSlot[] {
  const proposed = slots.map((slot) => ({ ...slot, insideHours: hours !== null && insideHours(hours, slot) }));
  const outside = proposed.find((slot) => !slot.insideHours);
  if (outside && proposed.length < 2) {
    const until = Math.min(outside.start + SUGGESTION_DAYS * DAY_MS, now + BOOKING_LIMITS.horizonDays * DAY_MS);
    throw new AtLeastTwoProposalsRequiredError(hours && firstFit(hours, outside.start, outside.end - outside.start, until));
  }
  return proposed;
}

/** The start of the first opening in [from, until] long enough for `durationMs`, or null. */
export function firstFit(hours: BusinessCalendar, from: number, durationMs: number, until: number): number | null {
  if (until <= from) return null;
  return hours.openingsBetween(from, until).find((open) => open.end - open.start >= durationMs)?.start ?? null;
}
