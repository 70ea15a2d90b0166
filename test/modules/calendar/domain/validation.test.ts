import { describe, expect, it } from "vitest";
import type { CalendarDefinition } from "../../../../src/modules/calendar/domain/index.ts";
import { compileCalendar, validateCalendarDefinition } from "../../../../src/modules/calendar/domain/index.ts";
import { paidLevels, premiumBerlin } from "../../../fixtures/calendars.ts";
import { expectValidationError } from "./support.ts";

const base: CalendarDefinition = { name: "Office", timeZone: "Europe/Berlin", weeklyHours: [{ day: "MONDAY", start: "09:00", end: "17:00" }] };
const monday = (start: string, end: string) => ({ day: "MONDAY" as const, start, end });
const closed = (date: string) => ({ date, intervals: [] });

describe("validateCalendarDefinition rejects, naming the field path", () => {
  const cases: [string, Partial<CalendarDefinition>, string][] = [
    ["unknown time zone", { timeZone: "Europe/Berlim" }, "timeZone"],
    ["offset instead of a zone", { timeZone: "+01:00" }, "timeZone"],
    ["empty name", { name: "  " }, "name"],
    ["name over 200 characters", { name: "x".repeat(201) }, "name"],
    ["hour 25", { weeklyHours: [monday("25:00", "26:00")] }, "weeklyHours.0.start"],
    ["minute 60", { weeklyHours: [monday("09:60", "10:00")] }, "weeklyHours.0.start"],
    ["single-digit hour", { weeklyHours: [monday("9:00", "10:00")] }, "weeklyHours.0.start"],
    ["24:00 as a start", { weeklyHours: [monday("24:00", "24:00")] }, "weeklyHours.0.start"],
    ["24:01 as an end", { weeklyHours: [monday("23:00", "24:01")] }, "weeklyHours.0.end"],
    ["unknown weekday", { weeklyHours: [{ day: "FUNDAY" as "MONDAY", start: "09:00", end: "10:00" }] }, "weeklyHours.0.day"],
    ["end before start", { weeklyHours: [monday("09:00", "12:00"), monday("13:00", "12:30")] }, "weeklyHours.1.end"],
    ["empty interval", { weeklyHours: [monday("09:00", "09:00")] }, "weeklyHours.0.end"],
    [
      "overlap on one weekday, reported at the later entry",
      { weeklyHours: [monday("09:00", "12:00"), { day: "TUESDAY", start: "09:00", end: "12:00" }, monday("11:00", "13:00")] },
      "weeklyHours.2.start",
    ],
    ["overlap listed in reverse order", { weeklyHours: [monday("13:00", "16:00"), monday("09:00", "13:30")] }, "weeklyHours.1.start"],
    ["unknown state", { holidayRegions: ["DE", "DE-XX"] }, "holidayRegions.1"],
    ["unknown country", { holidayRegions: ["XX"] }, "holidayRegions.0"],
    ["malformed region", { holidayRegions: ["Germany"] }, "holidayRegions.0"],
    ["region listed twice", { holidayRegions: ["DE-BY", "de-by"] }, "holidayRegions.1"],
    ["impossible date", { holidays: [{ date: "2026-02-30" }] }, "holidays.0.date"],
    ["date before 1900", { holidays: [{ date: "2026-01-01" }, { date: "1899-12-31" }] }, "holidays.1.date"],
    ["date after 2200", { holidays: [{ date: "2201-01-01" }] }, "holidays.0.date"],
    ["date with time", { holidays: [{ date: "2026-01-01T00:00" }] }, "holidays.0.date"],
    ["duplicate holiday", { holidays: [{ date: "2026-12-24" }, { date: "2026-12-31" }, { date: "2026-12-24", name: "again" }] }, "holidays.2.date"],
    ["holiday name too long", { holidays: [{ date: "2026-12-24", name: "y".repeat(201) }] }, "holidays.0.name"],
    ["duplicate exception date", { exceptions: [closed("2026-12-24"), closed("2026-12-24")] }, "exceptions.1.date"],
    ["malformed exception date", { exceptions: [closed("24.12.2026")] }, "exceptions.0.date"],
    ["exception end before start", { exceptions: [{ date: "2026-12-24", intervals: [{ start: "12:00", end: "10:00" }] }] }, "exceptions.0.intervals.0.end"],
    [
      "overlapping exception intervals",
      {
        exceptions: [
          {
            date: "2026-12-24",
            intervals: [
              { start: "09:00", end: "12:00" },
              { start: "11:59", end: "14:00" },
            ],
          },
        ],
      },
      "exceptions.0.intervals.1.start",
    ],
  ];
  it.each(cases)("%s → %s", (_name, change, field) => {
    expectValidationError(() => validateCalendarDefinition({ ...base, ...change }), field);
    expectValidationError(() => compileCalendar({ ...base, ...change }), field);
  });
});

describe("validateCalendarDefinition normalises", () => {
  it("trims, canonicalises zone and region spelling, sorts, and fills optional lists", () => {
    const result = validateCalendarDefinition({
      name: "  Office  ",
      timeZone: "europe/berlin",
      weeklyHours: [{ day: "TUESDAY", start: "13:00", end: "17:00" }, monday("13:00", "24:00"), monday("09:00", "13:00")],
      holidays: [
        { date: "2026-12-31", name: " Silvester " },
        { date: "2026-12-24", name: "" },
      ],
      holidayRegions: ["de-by", "ch-zh", "US-NY", "AT"],
    });
    expect(result).toEqual({
      name: "Office",
      timeZone: "Europe/Berlin",
      weeklyHours: [monday("09:00", "13:00"), monday("13:00", "24:00"), { day: "TUESDAY", start: "13:00", end: "17:00" }],
      holidays: [
        { date: "2026-12-24", name: null },
        { date: "2026-12-31", name: "Silvester" },
      ],
      holidayRegions: ["DE-BY", "CH-ZH", "US-NY", "AT"],
      exceptions: [],
    });
  });

  it("accepts touching intervals, merging them into one opening", () => {
    const calendar = compileCalendar({ ...base, weeklyHours: [monday("09:00", "12:00"), monday("12:00", "13:00")] });
    expect(calendar.openingsBetween(Date.parse("2026-03-02T00:00:00+01:00"), Date.parse("2026-03-03T00:00:00+01:00"))).toEqual([
      { start: Date.parse("2026-03-02T09:00:00+01:00"), end: Date.parse("2026-03-02T13:00:00+01:00") },
    ]);
  });

  it.each([premiumBerlin, paidLevels])("accepts the fixture $name", (definition) => {
    expect(validateCalendarDefinition(definition).weeklyHours).toHaveLength(definition.weeklyHours.length);
  });
});
