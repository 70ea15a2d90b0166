import { DomainError, ValidationError } from "../../../domain/errors.ts";
import type { Slot } from "./booking-slots.ts";

export const BOOKING_KINDS = ["REMOTE_SESSION", "INSTALLATION"] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

export const BOOKING_STATES = ["REQUESTED", "CONFIRMED", "DONE", "CANCELLED"] as const;
export type BookingState = (typeof BOOKING_STATES)[number];
/** Open bookings still hold their slot (and an installation its product). */
export const OPEN_BOOKING_STATES: readonly BookingState[] = ["REQUESTED", "CONFIRMED"];

export type BookingEvent = "confirm" | "complete" | "cancel";
export type BookingAction = { event: "confirm"; proposal: number } | { event: "complete" } | { event: "cancel" };

const NEXT: Record<BookingEvent, Partial<Record<BookingState, BookingState>>> = {
  confirm: { REQUESTED: "CONFIRMED" },
  complete: { CONFIRMED: "DONE" },
  cancel: { REQUESTED: "CANCELLED", CONFIRMED: "CANCELLED" },
};

export interface BookingSnapshot {
  state: BookingState;
  proposals: readonly Slot[];
  confirmed: Slot | null;
}

export interface BookingChange {
  state: BookingState;
  confirmed: Slot | null;
}

/**
 * REQUESTED → CONFIRMED (staff pick one proposal that has not begun) → DONE (once the confirmed
 * slot has begun); REQUESTED or CONFIRMED → CANCELLED. DONE and CANCELLED are final.
 */
export function bookingTransition(booking: BookingSnapshot, action: BookingAction, now: number): BookingChange {
  const state = NEXT[action.event][booking.state];
  if (state === undefined) throw new BookingTransitionError(booking.state, action.event, final(booking.state));
  if (action.event === "confirm") return { state, confirmed: chosen(booking.proposals, action.proposal, now) };
  if (action.event === "complete" && booking.confirmed && now < booking.confirmed.start) {
    throw new BookingTransitionError(booking.state, "complete", `it begins at ${iso(booking.confirmed.start)}`);
  }
  return { state, confirmed: booking.confirmed };
}

function chosen(proposals: readonly Slot[], index: number, now: number): Slot {
  const slot = Number.isInteger(index) ? proposals[index] : undefined;
  if (!slot) throw new ValidationError("proposal", `proposal must be an index into proposals, 0–${proposals.length - 1}`);
  if (slot.start < now) throw new ValidationError("proposal", `proposals.${index} began at ${iso(slot.start)}: cancel and book again`);
  return slot;
}

const final = (state: BookingState) => (state === "DONE" || state === "CANCELLED" ? `a ${state.toLowerCase()} booking is final` : undefined);
const iso = (at: number) => new Date(at).toISOString();

/** The booking's state does not allow this step. */
export class BookingTransitionError extends DomainError {
  constructor(
    readonly state: BookingState,
    readonly event: BookingEvent,
    reason?: string,
  ) {
    super("INVALID_TRANSITION", `Cannot ${event} a booking that is ${state}${reason ? `: ${reason}` : ""}`);
  }
}
