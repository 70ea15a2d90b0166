import { ValidationError } from "../../../domain/errors.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** What a plausible booking looks like. */
export const BOOKING_LIMITS = {
  minMinutes: 15,
  maxMinutes: 8 * 60,
  maxProposals: 5,
  /** how far ahead a proposal may start, in days of 24 hours */
  horizonDays: 180,
} as const;

/** An instant range in epoch ms, end exclusive. */
export interface Slot {
  start: number;
  end: number;
}

/**
 * The proposed slots of one booking, in the customer's order of preference: every proposal starts
 * on a whole minute and lasts `durationMinutes`; none repeats or overlaps another. Independent of
 * the clock, so a replayed request is recognised however late it comes.
 */
export function proposedSlots(starts: readonly number[], durationMinutes: number): Slot[] {
  const { minMinutes, maxMinutes, maxProposals } = BOOKING_LIMITS;
  if (!Number.isInteger(durationMinutes) || durationMinutes < minMinutes || durationMinutes > maxMinutes) {
    throw new ValidationError("durationMinutes", `durationMinutes must be a whole number ${minMinutes}–${maxMinutes}`);
  }
  if (starts.length === 0 || starts.length > maxProposals) throw new ValidationError("proposals", `Propose 1–${maxProposals} start times`);
  const slots = starts.map((start, index) => {
    if (!Number.isFinite(start) || start % MINUTE_MS !== 0) throw new ValidationError(`proposals.${index}`, `proposals.${index} must start on a whole minute`);
    return { start, end: start + durationMinutes * MINUTE_MS };
  });
  slots.forEach((slot, index) => {
    const earlier = slots.findIndex((other, j) => j < index && other.start < slot.end && slot.start < other.end);
    if (earlier === -1) return;
    const how = slots[earlier]!.start === slot.start ? "repeats" : "overlaps";
    throw new ValidationError(`proposals.${index}`, `proposals.${index} ${how} proposals.${earlier}`);
  });
  return slots;
}

/** Every proposal starts no earlier than `now` and at most BOOKING_LIMITS.horizonDays after it. */
export function checkBookingWindow(slots: readonly Slot[], now: number): void {
  const latest = now + BOOKING_LIMITS.horizonDays * DAY_MS;
  slots.forEach((slot, index) => {
    if (slot.start < now) throw new ValidationError(`proposals.${index}`, `proposals.${index} is in the past`);
    if (slot.start > latest) {
      throw new ValidationError(`proposals.${index}`, `proposals.${index} is more than ${BOOKING_LIMITS.horizonDays} days ahead`);
    }
  });
}
