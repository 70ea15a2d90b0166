import { describe, expect, it } from "vitest";
import type { CalendarDefinition, Weekday } from "../../../../src/modules/calendar/domain/index.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { ticket247 } from "../../../fixtures/calendars.ts";
import { at, show } from "./support.ts";

const sundays = (timeZone: string, start: string, end: string) =>
  compileCalendar({ name: "Night shift", timeZone, weeklyHours: [{ day: "SUNDAY", start, end }] });
const weekdays = (timeZone: string, start: string, end: string): CalendarDefinition => ({
  name: "Office",
  timeZone,
  weeklyHours: (["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"] as Weekday[]).map((day) => ({ day, start, end })),
});

/** Real elapsed business time of the Sunday interval, and its opening as local ISO instants. */
function sundayShift(timeZone: string, date: string, start: string, end: string) {
  const calendar = sundays(timeZone, start, end);
  const dayStart = at(`${date}T00:00:00Z`) - 86_400_000;
  const openings = calendar.openingsBetween(dayStart, dayStart + 3 * 86_400_000);
  return {
    minutes: calendar.businessMinutesBetween(dayStart, dayStart + 3 * 86_400_000),
    openings: openings.map(({ start: s, end: e }) => `${show(s, timeZone)} – ${show(e, timeZone)}`),
  };
}

describe("DST: business time is real elapsed time, wall times stay local", () => {
  it.each([
    ["Berlin, normal Sunday", "Europe/Berlin", "2026-03-22", "01:00", "04:00", 180, "2026-03-22T01:00:00+01:00 – 2026-03-22T04:00:00+01:00"],
    [
      "Berlin spring forward: 01:00–04:00 lasts 2h",
      "Europe/Berlin",
      "2026-03-29",
      "01:00",
      "04:00",
      120,
      "2026-03-29T01:00:00+01:00 – 2026-03-29T04:00:00+02:00",
    ],
    ["Berlin fall back: 01:00–04:00 lasts 4h", "Europe/Berlin", "2026-10-25", "01:00", "04:00", 240, "2026-10-25T01:00:00+02:00 – 2026-10-25T04:00:00+01:00"],
    [
      "Berlin spring: a start in the gap moves forward by the gap",
      "Europe/Berlin",
      "2026-03-29",
      "02:30",
      "05:00",
      90,
      "2026-03-29T03:30:00+02:00 – 2026-03-29T05:00:00+02:00",
    ],
    [
      "Berlin fall: a repeated start is its first occurrence",
      "Europe/Berlin",
      "2026-10-25",
      "02:30",
      "05:00",
      210,
      "2026-10-25T02:30:00+02:00 – 2026-10-25T05:00:00+01:00",
    ],
    [
      "New York spring forward: 01:00–04:00 lasts 2h",
      "America/New_York",
      "2026-03-08",
      "01:00",
      "04:00",
      120,
      "2026-03-08T01:00:00-05:00 – 2026-03-08T04:00:00-04:00",
    ],
    [
      "New York fall back: 01:00–04:00 lasts 4h",
      "America/New_York",
      "2026-11-01",
      "01:00",
      "04:00",
      240,
      "2026-11-01T01:00:00-04:00 – 2026-11-01T04:00:00-05:00",
    ],
    [
      "St. John's (−03:30) spring forward: 00:00–24:00 lasts 23h",
      "America/St_Johns",
      "2026-03-08",
      "00:00",
      "24:00",
      1380,
      "2026-03-08T00:00:00-03:30 – 2026-03-09T00:00:00-02:30",
    ],
  ])("%s", (_name, zone, date, start, end, minutes, opening) => {
    expect(sundayShift(zone, date, start, end)).toEqual({ minutes, openings: [opening] });
  });

  it.each([
    ["inside the spring-forward night", "America/New_York", "2026-03-08T01:30:00-05:00", 60, "2026-03-08T03:30:00-04:00"],
    ["inside the fall-back night", "America/New_York", "2026-11-01T01:00:00-04:00", 180, "2026-11-01T03:00:00-05:00"],
    ["through the repeated hour", "Europe/Berlin", "2026-10-25T02:30:00+02:00", 60, "2026-10-25T02:30:00+01:00"],
  ])("adds %s (%s)", (_name, zone, from, minutes, expected) => {
    expect(show(sundays(zone, "01:00", "04:00").addBusinessMinutes(at(from), minutes), zone)).toBe(expected);
  });

  it("counts 23 and 25 hour days on a 24/7 calendar", () => {
    const calendar = compileCalendar(ticket247);
    expect(calendar.businessMinutesBetween(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"))).toBe(23 * 60);
    expect(calendar.businessMinutesBetween(at("2026-10-25T00:00:00+02:00"), at("2026-10-26T00:00:00+01:00"))).toBe(25 * 60);
    expect(show(calendar.addBusinessMinutes(at("2026-03-28T12:00:00+01:00"), 24 * 60), "Europe/Berlin")).toBe("2026-03-29T13:00:00+02:00");
  });

  it("merges 24/7 openings across midnight, DST nights and New Year into one interval", () => {
    const calendar = compileCalendar(ticket247);
    expect(calendar.openingsBetween(at("2026-10-24T22:00:00+02:00"), at("2026-10-26T02:00:00+01:00"))).toEqual([
      { start: at("2026-10-24T22:00:00+02:00"), end: at("2026-10-26T02:00:00+01:00") },
    ]);
    expect(calendar.openingsBetween(at("2026-12-31T22:00:00+01:00"), at("2027-01-01T02:00:00+01:00"))).toEqual([
      { start: at("2026-12-31T22:00:00+01:00"), end: at("2027-01-01T02:00:00+01:00") },
    ]);
  });
});

describe("24:00 ends an interval at the start of the next local day", () => {
  const evening = compileCalendar({
    name: "Evening",
    timeZone: "Europe/Berlin",
    weeklyHours: [
      { day: "MONDAY", start: "20:00", end: "24:00" },
      { day: "TUESDAY", start: "00:00", end: "04:00" },
      { day: "SATURDAY", start: "22:00", end: "24:00" },
    ],
  });

  it("joins Monday 20:00–24:00 and Tuesday 00:00–04:00 into one opening", () => {
    expect(evening.openingsBetween(at("2026-03-02T19:00:00+01:00"), at("2026-03-03T05:00:00+01:00"))).toEqual([
      { start: at("2026-03-02T20:00:00+01:00"), end: at("2026-03-03T04:00:00+01:00") },
    ]);
    expect(evening.isOpen(at("2026-03-03T00:00:00+01:00"))).toBe(true);
    expect(show(evening.addBusinessMinutes(at("2026-03-02T23:00:00+01:00"), 120), "Europe/Berlin")).toBe("2026-03-03T01:00:00+01:00");
  });

  it("ends on the night of the spring switch before the switch", () => {
    expect(evening.openingsBetween(at("2026-03-28T12:00:00+01:00"), at("2026-03-29T12:00:00+02:00"))).toEqual([
      { start: at("2026-03-28T22:00:00+01:00"), end: at("2026-03-29T00:00:00+01:00") },
    ]);
  });

  it("lands on the end at 24:00 when the budget runs out there", () => {
    expect(show(evening.addBusinessMinutes(at("2026-03-07T22:00:00+01:00"), 120), "Europe/Berlin")).toBe("2026-03-08T00:00:00+01:00");
  });
});

describe("half-hour offset zones", () => {
  it("Asia/Kolkata (+05:30): overnight to the next morning", () => {
    const calendar = compileCalendar(weekdays("Asia/Kolkata", "09:00", "17:30"));
    expect(show(calendar.addBusinessMinutes(at("2026-03-02T17:00:00+05:30"), 60), "Asia/Kolkata")).toBe("2026-03-03T09:30:00+05:30");
    expect(calendar.addBusinessMinutes(at("2026-03-02T17:00:00+05:30"), 60)).toBe(at("2026-03-03T04:00:00Z"));
    expect(calendar.isOpen(at("2026-03-02T03:29:59Z"))).toBe(false);
    expect(calendar.isOpen(at("2026-03-02T03:30:00Z"))).toBe(true);
  });

  it("America/St_Johns (−03:30 → −02:30): Friday to Monday over the DST weekend", () => {
    const calendar = compileCalendar(weekdays("America/St_Johns", "09:00", "17:00"));
    expect(show(calendar.addBusinessMinutes(at("2026-03-06T16:30:00-03:30"), 60), "America/St_Johns")).toBe("2026-03-09T09:30:00-02:30");
    expect(calendar.businessMinutesBetween(at("2026-03-06T16:30:00-03:30"), at("2026-03-09T09:30:00-02:30"))).toBe(60);
  });
});
