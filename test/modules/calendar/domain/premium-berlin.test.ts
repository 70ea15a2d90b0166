import { describe, expect, it } from "vitest";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { premiumBerlin } from "../../../fixtures/calendars.ts";
import { at, show } from "./support.ts";

// 000: Mon–Thu 09–12 & 13–16, Fri 09–12, Europe/Berlin, German public holidays.
const calendar = compileCalendar(premiumBerlin);
const berlin = (ms: number | null) => show(ms, "Europe/Berlin");

describe("premiumBerlin: addBusinessMinutes", () => {
  it.each([
    ["inside the morning", "2026-03-02T10:00:00+01:00", 60, "2026-03-02T11:00:00+01:00"],
    ["over the lunch break", "2026-03-02T11:30:00+01:00", 60, "2026-03-02T13:30:00+01:00"],
    ["budget ends exactly at the lunch break: the end, not 13:00", "2026-03-02T11:00:00+01:00", 60, "2026-03-02T12:00:00+01:00"],
    ["from inside the lunch break", "2026-03-02T12:30:00+01:00", 30, "2026-03-02T13:30:00+01:00"],
    ["from before opening", "2026-03-02T06:00:00+01:00", 15, "2026-03-02T09:15:00+01:00"],
    ["Friday short day into Monday", "2026-03-06T11:00:00+01:00", 120, "2026-03-09T10:00:00+01:00"],
    ["Friday afternoon is closed", "2026-03-06T14:00:00+01:00", 15, "2026-03-09T09:15:00+01:00"],
    ["a whole week is 27 hours", "2026-03-02T09:00:00+01:00", 27 * 60, "2026-03-06T12:00:00+01:00"],
    ["Good Friday and Easter Monday", "2026-04-02T15:00:00+02:00", 120, "2026-04-07T10:00:00+02:00"],
    ["Ascension Day (Thursday)", "2026-05-13T15:30:00+02:00", 60, "2026-05-15T09:30:00+02:00"],
    ["Whit Monday", "2026-05-22T11:00:00+02:00", 120, "2026-05-26T10:00:00+02:00"],
    ["German Unity Day 2025 (Friday)", "2025-10-02T15:00:00+02:00", 120, "2025-10-06T10:00:00+02:00"],
    ["Christmas Eve is open, Christmas Day is not", "2026-12-24T15:00:00+01:00", 120, "2026-12-28T10:00:00+01:00"],
    ["across New Year with 1 January closed", "2026-12-31T15:30:00+01:00", 60, "2027-01-04T09:30:00+01:00"],
    ["weekend with the spring DST switch keeps 09:00", "2026-03-27T11:00:00+01:00", 120, "2026-03-30T10:00:00+02:00"],
    ["weekend with the autumn DST switch keeps 09:00", "2026-10-23T11:00:00+02:00", 120, "2026-10-26T10:00:00+01:00"],
    ["seconds are preserved", "2026-03-02T10:00:17+01:00", 30, "2026-03-02T10:30:17+01:00"],
    ["seconds carry over the lunch break", "2026-03-02T11:59:30+01:00", 1, "2026-03-02T13:00:30+01:00"],
  ])("%s: %s + %i min = %s", (_name, from, minutes, expected) => {
    expect(berlin(calendar.addBusinessMinutes(at(from), minutes))).toBe(expected);
    expect(calendar.businessMillisBetween(at(from), at(expected))).toBe(minutes * 60_000);
  });
});

describe("premiumBerlin: businessMinutesBetween", () => {
  it.each([
    ["a working Monday", "2026-03-02T08:00:00+01:00", "2026-03-02T17:00:00+01:00", 360],
    ["Monday 10:00 to Friday 10:00", "2026-03-02T10:00:00+01:00", "2026-03-06T10:00:00+01:00", 1440],
    ["reversed is negative", "2026-03-06T10:00:00+01:00", "2026-03-02T10:00:00+01:00", -1440],
    ["over Easter", "2026-04-02T09:00:00+02:00", "2026-04-07T09:00:00+02:00", 360],
    ["the week of Ascension Day", "2026-05-11T00:00:00+02:00", "2026-05-18T00:00:00+02:00", 1620 - 360],
    ["the year 2026 (7 of its 9 holidays on weekdays)", "2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00", null],
    ["30 seconds are 0 minutes", "2026-03-02T10:00:00+01:00", "2026-03-02T10:00:30+01:00", 0],
    ["1:59 truncates to 1", "2026-03-02T10:00:00+01:00", "2026-03-02T10:01:59+01:00", 1],
    ["-1:59 truncates toward zero", "2026-03-02T10:01:59+01:00", "2026-03-02T10:00:00+01:00", -1],
    ["nothing at night", "2026-03-02T18:00:00+01:00", "2026-03-03T08:00:00+01:00", 0],
  ])("%s", (_name, from, to, minutes) => {
    const expected = minutes ?? countWorkingMinutes2026();
    expect(calendar.businessMinutesBetween(at(from), at(to))).toBe(expected);
  });

  it("keeps the seconds in businessMillisBetween", () => {
    expect(calendar.businessMillisBetween(at("2026-03-02T11:59:30+01:00"), at("2026-03-02T13:00:45+01:00"))).toBe(75_000);
  });
});

describe("premiumBerlin: opening state", () => {
  it.each([
    ["2026-03-02T08:59:59+01:00", false, "2026-03-02T09:00:00+01:00"],
    ["2026-03-02T09:00:00+01:00", true, "2026-03-02T09:00:00+01:00"],
    ["2026-03-02T12:00:00+01:00", false, "2026-03-02T13:00:00+01:00"],
    ["2026-03-06T12:00:00+01:00", false, "2026-03-09T09:00:00+01:00"],
    ["2026-04-03T10:00:00+02:00", false, "2026-04-07T09:00:00+02:00"],
    ["2026-12-24T17:00:00+01:00", false, "2026-12-28T09:00:00+01:00"],
  ])("at %s open=%s, next opening %s", (instant, open, next) => {
    expect(calendar.isOpen(at(instant))).toBe(open);
    expect(berlin(calendar.nextOpening(at(instant)))).toBe(next);
  });

  it("lists the German public holidays as the source of closures", () => {
    expect(calendar.holidays("2026-01-01", "2026-12-31").map(({ date, source }) => `${date} ${source}`)).toEqual(
      ["01-01", "04-03", "04-06", "05-01", "05-14", "05-25", "10-03", "12-25", "12-26"].map((day) => `2026-${day} REGION:DE`),
    );
    expect(calendar.holidays("2026-10-03", "2026-10-03")).toEqual([{ date: "2026-10-03", name: "Tag der Deutschen Einheit", source: "REGION:DE" }]);
  });

  it.each([
    ["2026-04-03", false],
    ["2026-04-02", true],
    ["2026-03-07", false],
    ["2026-12-24", true],
    ["2026-12-25", false],
  ])("isWorkingDay(%s) = %s", (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it("counts working days in a half-open date range", () => {
    expect(calendar.workingDaysBetween("2026-03-30", "2026-04-13")).toBe(8);
    expect(calendar.workingDaysBetween("2026-04-13", "2026-03-30")).toBe(-8);
    expect(calendar.workingDaysBetween("2026-01-01", "2027-01-01")).toBe(254);
  });
});

/** 2026 starts on a Thursday: 53 Thursdays, 52 of every other weekday; 7 holidays fall on weekdays. */
function countWorkingMinutes2026(): number {
  const fridays = 52 - 3; // 04-03, 05-01, 12-25
  const longDays = 52 * 3 + 53 - 4; // Mon–Wed ×52 + Thu ×53, minus Mon 04-06, 05-25 and Thu 01-01, 05-14
  return longDays * 360 + fridays * 180;
}
