import { describe, expect, it } from "vitest";
import { checkBookingWindow, proposedSlots } from "../../../../src/modules/booking/domain/booking-slots.ts";
import { at, expectDomainError } from "../../calendar/domain/support.ts";

const TUESDAY_10 = "2026-03-10T10:00:00+01:00";
const iso = (ms: number) => new Date(ms).toISOString();

describe("proposed slots: plausible lengths, whole minutes, no repeats or overlaps", () => {
  it.each([
    ["one hour", [TUESDAY_10], 60, [["2026-03-10T09:00:00.000Z", "2026-03-10T10:00:00.000Z"]]],
    ["the shortest, 15 minutes", [TUESDAY_10], 15, [["2026-03-10T09:00:00.000Z", "2026-03-10T09:15:00.000Z"]]],
    ["the longest, 8 hours", [TUESDAY_10], 480, [["2026-03-10T09:00:00.000Z", "2026-03-10T17:00:00.000Z"]]],
    [
      "back to back is no overlap, order kept",
      ["2026-03-10T11:00:00+01:00", TUESDAY_10],
      60,
      [
        ["2026-03-10T10:00:00.000Z", "2026-03-10T11:00:00.000Z"],
        ["2026-03-10T09:00:00.000Z", "2026-03-10T10:00:00.000Z"],
      ],
    ],
    [
      "across the spring change (Sunday 29 March, 02:00 → 03:00 in Berlin): an hour is 60 real minutes",
      ["2026-03-29T01:30:00+01:00"],
      60,
      [["2026-03-29T00:30:00.000Z", "2026-03-29T01:30:00.000Z"]],
    ],
  ])("%s", (_label, starts, minutes, expected) => {
    expect(proposedSlots(starts.map(at), minutes).map((slot) => [iso(slot.start), iso(slot.end)])).toEqual(expected);
  });

  it.each([
    ["14 minutes", [TUESDAY_10], 14, "durationMinutes"],
    ["481 minutes", [TUESDAY_10], 481, "durationMinutes"],
    ["half minutes", [TUESDAY_10], 30.5, "durationMinutes"],
    ["no proposal", [], 60, "proposals"],
    ["six proposals", [11, 12, 13, 14, 15, 16].map((day) => `2026-03-${day}T10:00:00+01:00`), 60, "proposals"],
    ["a start with seconds", ["2026-03-10T10:00:30+01:00"], 60, "proposals.0"],
    ["a repeated start", [TUESDAY_10, "2026-03-10T09:00:00Z"], 60, "proposals.1"],
    ["an overlap", [TUESDAY_10, "2026-03-10T10:30:00+01:00"], 60, "proposals.1"],
    ["an overlap with an earlier proposal later in the list", [TUESDAY_10, "2026-03-10T14:00:00+01:00", "2026-03-10T09:45:00+01:00"], 60, "proposals.2"],
  ])("refuses %s, naming the field", (_label, starts, minutes, field) => {
    expectDomainError(() => proposedSlots(starts.map(at), minutes), "VALIDATION", field);
  });

  it("says which proposal a repeat or overlap collides with", () => {
    expect(() => proposedSlots([at(TUESDAY_10), at(TUESDAY_10)], 60)).toThrow("proposals.1 repeats proposals.0");
    expect(() => proposedSlots([at(TUESDAY_10), at("2026-03-10T10:59:00+01:00")], 60)).toThrow("proposals.1 overlaps proposals.0");
  });
});

describe("the booking window: from now to 180 days ahead", () => {
  const now = at("2026-03-10T09:00:00+01:00");
  const slots = (...starts: string[]) => proposedSlots(starts.map(at), 30);

  it.each([
    ["now itself", ["2026-03-10T09:00:00+01:00"]],
    ["tomorrow", ["2026-03-11T09:00:00+01:00"]],
    ["exactly 180 days of 24 hours ahead (across the spring change)", ["2026-09-06T10:00:00+02:00"]],
  ])("accepts %s", (_label, starts) => {
    expect(() => checkBookingWindow(slots(...starts), now)).not.toThrow();
  });

  it.each([
    ["a minute ago", ["2026-03-10T08:59:00+01:00"], "proposals.0"],
    ["a second proposal in the past", ["2026-03-11T09:00:00+01:00", "2026-03-09T09:00:00+01:00"], "proposals.1"],
    ["a minute past 180 days", ["2026-09-06T10:01:00+02:00"], "proposals.0"],
  ])("refuses %s", (_label, starts, field) => {
    expectDomainError(() => checkBookingWindow(slots(...starts), now), "VALIDATION", field);
  });
});
