import { describe, expect, it } from "vitest";
import { proposedSlots, type Slot } from "../../../../src/modules/booking/domain/booking-slots.ts";
import { type BookingAction, type BookingSnapshot, type BookingState, bookingTransition } from "../../../../src/modules/booking/domain/booking-state.ts";
import { at, expectDomainError } from "../../calendar/domain/support.ts";

const [first, second] = proposedSlots([at("2026-03-11T10:00:00+01:00"), at("2026-03-12T14:00:00+01:00")], 60) as [Slot, Slot];
const booking = (state: BookingState, confirmed = state === "REQUESTED" ? null : first): BookingSnapshot => ({ state, proposals: [first, second], confirmed });
const BEFORE = at("2026-03-10T09:00:00+01:00");
const DURING = at("2026-03-11T10:30:00+01:00");
const confirm = (proposal: number): BookingAction => ({ event: "confirm", proposal });

describe("a booking's life: REQUESTED → CONFIRMED → DONE, or CANCELLED while open", () => {
  it.each([
    ["staff confirm the first proposal", booking("REQUESTED"), confirm(0), BEFORE, { state: "CONFIRMED", confirmed: first }],
    ["staff confirm the second proposal", booking("REQUESTED"), confirm(1), BEFORE, { state: "CONFIRMED", confirmed: second }],
    ["the second while the first has begun", booking("REQUESTED"), confirm(1), DURING, { state: "CONFIRMED", confirmed: second }],
    ["done once the confirmed slot has begun", booking("CONFIRMED"), { event: "complete" }, DURING, { state: "DONE", confirmed: first }],
    ["done at its very start", booking("CONFIRMED"), { event: "complete" }, at("2026-03-11T10:00:00+01:00"), { state: "DONE", confirmed: first }],
    ["cancelled while requested", booking("REQUESTED"), { event: "cancel" }, BEFORE, { state: "CANCELLED", confirmed: null }],
    ["cancelled once confirmed", booking("CONFIRMED"), { event: "cancel" }, BEFORE, { state: "CANCELLED", confirmed: first }],
  ] as const)("%s", (_label, current, action, now, expected) => {
    expect(bookingTransition(current, action, now)).toEqual(expected);
  });

  it.each([
    ["confirm twice", booking("CONFIRMED"), confirm(1), BEFORE],
    ["confirm a done booking", booking("DONE"), confirm(0), BEFORE],
    ["confirm a cancelled booking", booking("CANCELLED", null), confirm(0), BEFORE],
    ["complete an unconfirmed booking", booking("REQUESTED"), { event: "complete" }, DURING],
    ["complete before the slot begins", booking("CONFIRMED"), { event: "complete" }, BEFORE],
    ["complete twice", booking("DONE"), { event: "complete" }, DURING],
    ["cancel a done booking", booking("DONE"), { event: "cancel" }, DURING],
    ["cancel twice", booking("CANCELLED", null), { event: "cancel" }, BEFORE],
  ] as const)("refuses to %s", (_label, current, action, now) => {
    expectDomainError(() => bookingTransition(current, action, now), "INVALID_TRANSITION", undefined);
  });

  it.each([
    ["past the last proposal", 2, BEFORE],
    ["negative", -1, BEFORE],
    ["not whole", 0.5, BEFORE],
    ["that has begun", 0, DURING],
  ])("refuses to confirm a proposal %s, naming the field", (_label, index, now) => {
    expectDomainError(() => bookingTransition(booking("REQUESTED"), confirm(index), now), "VALIDATION", "proposal");
  });

  it("says why a step is refused", () => {
    expect(() => bookingTransition(booking("CONFIRMED"), { event: "complete" }, BEFORE)).toThrow("it begins at 2026-03-11T09:00:00.000Z");
    expect(() => bookingTransition(booking("DONE"), { event: "cancel" }, DURING)).toThrow("a done booking is final");
  });
});
