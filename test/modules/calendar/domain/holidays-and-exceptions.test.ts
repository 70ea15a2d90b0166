import { describe, expect, it } from "vitest";
import type { CalendarDefinition } from "../../../../src/modules/calendar/domain/index.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { paidLevels } from "../../../fixtures/calendars.ts";
import { at, show } from "./support.ts";

// 002 paid levels: Mon–Fri 09:00–17:00 Europe/Berlin.
const withRegions = (...holidayRegions: string[]) => compileCalendar({ ...paidLevels, holidayRegions });
const berlin = (ms: number) => show(ms, "Europe/Berlin");

describe("regional public holidays", () => {
  const germany = withRegions("DE");
  const bavaria = withRegions("DE-BY");

  it.each([
    ["Epiphany", "2026-01-06", true, false],
    ["Corpus Christi", "2026-06-04", true, false],
    ["Assumption Day (Augsburg only, not all of Bavaria)", "2026-08-17", true, true],
    ["Good Friday everywhere", "2026-04-03", false, false],
  ])("%s %s: working day in DE=%s, in DE-BY=%s", (_name, date, inGermany, inBavaria) => {
    expect(germany.isWorkingDay(date)).toBe(inGermany);
    expect(bavaria.isWorkingDay(date)).toBe(inBavaria);
  });

  it("skips Epiphany only in Bavaria", () => {
    const from = at("2026-01-05T16:00:00+01:00");
    expect(berlin(germany.addBusinessMinutes(from, 120))).toBe("2026-01-06T10:00:00+01:00");
    expect(berlin(bavaria.addBusinessMinutes(from, 120))).toBe("2026-01-07T10:00:00+01:00");
  });

  it("names each region as the source, several regions side by side", () => {
    const calendar = withRegions("DE-BY", "AT", "US-NY", "CH-ZH");
    expect(calendar.holidays("2026-11-01", "2026-12-08")).toEqual([
      { date: "2026-11-01", name: "Allerheiligen", source: "REGION:AT" },
      { date: "2026-11-01", name: "Allerheiligen", source: "REGION:DE-BY" },
      { date: "2026-11-03", name: "Election Day", source: "REGION:US-NY" },
      { date: "2026-11-11", name: "Veterans Day", source: "REGION:US-NY" },
      { date: "2026-11-26", name: "Thanksgiving Day", source: "REGION:US-NY" },
      { date: "2026-12-08", name: "Mariä Empfängnis", source: "REGION:AT" },
    ]);
    expect(calendar.isWorkingDay("2026-11-26")).toBe(false);
  });

  it("closes the Swiss national day in Zurich", () => {
    expect(withRegions("CH-ZH").isWorkingDay("2025-08-01")).toBe(false);
    expect(withRegions("DE").isWorkingDay("2025-08-01")).toBe(true);
  });
});

describe("explicit holidays and date exceptions", () => {
  const definition: CalendarDefinition = {
    ...paidLevels,
    holidayRegions: ["DE"],
    holidays: [{ date: "2026-12-23", name: "Company party" }, { date: "2026-12-30" }],
    exceptions: [
      { date: "2026-12-24", intervals: [{ start: "09:00", end: "12:00" }] },
      {
        date: "2026-12-25",
        intervals: [
          { start: "10:00", end: "12:00" },
          { start: "12:00", end: "14:00" },
        ],
      },
      { date: "2026-12-31", intervals: [] },
      { date: "2026-12-27", intervals: [{ start: "10:00", end: "11:00" }] },
    ],
  };
  const calendar = compileCalendar(definition);

  it.each([
    ["special hours on Christmas Eve", "2026-12-24T11:00:00+01:00", true],
    ["closed after the special hours", "2026-12-24T13:00:00+01:00", false],
    ["an exception opens a public holiday", "2026-12-25T13:59:00+01:00", true],
    ["an exception opens a Sunday", "2026-12-27T10:30:00+01:00", true],
    ["an explicit holiday closes a weekday", "2026-12-23T10:00:00+01:00", false],
    ["an empty exception closes a weekday", "2026-12-31T10:00:00+01:00", false],
    ["the regional holiday without exception stays closed", "2026-12-26T10:00:00+01:00", false],
  ])("%s", (_name, instant, open) => {
    expect(calendar.isOpen(at(instant))).toBe(open);
  });

  it("adds through the special days", () => {
    expect(berlin(calendar.addBusinessMinutes(at("2026-12-22T16:00:00+01:00"), 60 + 180 + 240 + 60 + 30))).toBe("2026-12-28T09:30:00+01:00");
    expect(calendar.businessMinutesBetween(at("2026-12-21T00:00:00+01:00"), at("2027-01-04T00:00:00+01:00"))).toBe(480 * 2 + 180 + 240 + 60 + 480 * 2 + 0 + 0);
  });

  it("lists holidays and closed days, leaving out holidays opened by an exception", () => {
    expect(calendar.holidays("2026-12-20", "2027-01-01")).toEqual([
      { date: "2026-12-23", name: "Company party", source: "EXPLICIT" },
      { date: "2026-12-26", name: "2. Weihnachtstag", source: "REGION:DE" },
      { date: "2026-12-30", name: "Holiday", source: "EXPLICIT" },
      { date: "2026-12-31", name: "Closed", source: "EXCEPTION" },
      { date: "2027-01-01", name: "Neujahr", source: "REGION:DE" },
    ]);
  });

  it.each([
    ["2026-12-23", false],
    ["2026-12-25", true],
    ["2026-12-27", true],
    ["2026-12-31", false],
  ])("isWorkingDay(%s) = %s", (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });
});
