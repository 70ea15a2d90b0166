import type { BookingSnapshot } from "./domain/booking-state.ts";
import type { ProposedSlot } from "./domain/business-hours.ts";
import type { Booking, Prisma } from "../../generated/prisma/client.ts";

/** How a proposal is stored in Booking.proposals. */
type StoredSlot = { start: string; end: string; insideHours: boolean };

export const proposalsJson = (slots: readonly ProposedSlot[]): Prisma.InputJsonValue =>
  slots.map((slot): StoredSlot => ({ start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString(), insideHours: slot.insideHours }));

/** The stored proposals as instants. */
export const proposalsOf = (booking: Pick<Booking, "proposals">): ProposedSlot[] =>
  (booking.proposals as unknown as StoredSlot[]).map((slot) => ({ start: Date.parse(slot.start), end: Date.parse(slot.end), insideHours: slot.insideHours }));

export const snapshotOf = (booking: Booking): BookingSnapshot => ({
  state: booking.state,
  proposals: proposalsOf(booking),
  confirmed: booking.confirmedStart && booking.confirmedEnd ? { start: booking.confirmedStart.getTime(), end: booking.confirmedEnd.getTime() } : null,
});
