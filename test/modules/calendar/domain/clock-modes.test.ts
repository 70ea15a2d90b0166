import { describe, expect, it } from "vitest";
import type { ClockMode, DurationUnit } from "../../../../src/modules/calendar/domain/index.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { itemCalendar, premiumBerlin } from "../../../fixtures/calendars.ts";
import { at, show } from "./support.ts";

const premium = compileCalendar(premiumBerlin);
const newYork = compileCalendar({ ...premiumBerlin, timeZone: "America/New_York", holidayRegions: ["US"] });

type Row = [string, string, number, DurationUnit, ClockMode, string];

describe("WORKING_DAYS: all 24 hours of working days count", () => {
  it.each<Row>([
    ["24h from Thursday skip Good Friday, weekend and Easter Monday", "2026-04-02T14:00:00+02:00", 24, "HOURS", "WORKING_DAYS", "2026-04-07T14:00:00+02:00"],
    ["1 working day is the same wall time", "2026-04-02T14:00:00+02:00", 1, "DAYS", "WORKING_DAYS", "2026-04-07T14:00:00+02:00"],
    ["24h from Friday is Monday", "2026-03-06T10:00:00+01:00", 24, "HOURS", "WORKING_DAYS", "2026-03-09T10:00:00+01:00"],
    ["Friday afternoon counts (closed hours of a working day)", "2026-03-06T15:00:00+01:00", 1, "DAYS", "WORKING_DAYS", "2026-03-09T15:00:00+01:00"],
    ["from Saturday the clock starts Monday 00:00", "2026-03-07T10:00:00+01:00", 24, "HOURS", "WORKING_DAYS", "2026-03-10T00:00:00+01:00"],
    ["from Saturday 1 day is Tuesday 00:00", "2026-03-07T10:00:00+01:00", 1, "DAYS", "WORKING_DAYS", "2026-03-10T00:00:00+01:00"],
    ["0 days from Saturday is Monday 00:00", "2026-03-07T10:00:00+01:00", 0, "DAYS", "WORKING_DAYS", "2026-03-09T00:00:00+01:00"],
    ["over the spring DST weekend", "2026-03-27T10:00:00+01:00", 24, "HOURS", "WORKING_DAYS", "2026-03-30T10:00:00+02:00"],
    ["over the autumn DST weekend", "2026-10-23T10:00:00+02:00", 24, "HOURS", "WORKING_DAYS", "2026-10-26T10:00:00+01:00"],
    ["2 days over Christmas and New Year", "2026-12-24T10:00:00+01:00", 2, "DAYS", "WORKING_DAYS", "2026-12-29T10:00:00+01:00"],
    ["5 days across New Year", "2026-12-30T08:00:00+01:00", 5, "DAYS", "WORKING_DAYS", "2027-01-07T08:00:00+01:00"],
    ["MINUTES land on the end of a working run", "2026-03-06T20:00:00+01:00", 240, "MINUTES", "WORKING_DAYS", "2026-03-07T00:00:00+01:00"],
  ])("%s", (_name, from, amount, unit, clock, expected) => {
    expect(show(premium.add(at(from), amount, unit, clock), "Europe/Berlin")).toBe(expected);
  });

  it("measures elapsed working-day time", () => {
    expect(premium.elapsed(at("2026-04-02T14:00:00+02:00"), at("2026-04-07T14:00:00+02:00"), "WORKING_DAYS")).toBe(24 * 3_600_000);
    expect(premium.elapsed(at("2026-03-07T00:00:00+01:00"), at("2026-03-09T00:00:00+01:00"), "WORKING_DAYS")).toBe(0);
    expect(premium.elapsed(at("2026-03-09T00:00:00+01:00"), at("2026-03-07T00:00:00+01:00"), "WORKING_DAYS")).toBe(0);
    expect(premium.elapsed(at("2026-03-27T12:00:00+01:00"), at("2026-03-30T12:00:00+02:00"), "WORKING_DAYS")).toBe(24 * 3_600_000);
  });
});

describe("BUSINESS_HOURS with DAYS: wall time N working days after the clock starts", () => {
  it.each<Row>([
    ["open Thursday 15:00 → Friday 15:00 (a closed hour)", "2026-03-05T15:00:00+01:00", 1, "DAYS", "BUSINESS_HOURS", "2026-03-06T15:00:00+01:00"],
    ["closed Friday 14:00: the clock starts Monday 09:00", "2026-03-06T14:00:00+01:00", 1, "DAYS", "BUSINESS_HOURS", "2026-03-10T09:00:00+01:00"],
    ["0 days is the clock start", "2026-03-06T14:00:00+01:00", 0, "DAYS", "BUSINESS_HOURS", "2026-03-09T09:00:00+01:00"],
    ["HOURS count open hours", "2026-03-06T11:00:00+01:00", 2, "HOURS", "BUSINESS_HOURS", "2026-03-09T10:00:00+01:00"],
  ])("%s", (_name, from, amount, unit, clock, expected) => {
    expect(show(premium.add(at(from), amount, unit, clock), "Europe/Berlin")).toBe(expected);
  });
});

describe("CALENDAR: every minute counts", () => {
  it.each<[string, string, number, DurationUnit, string, string]>([
    ["DAYS keep the wall time over fall back (25h)", "2026-10-31T12:00:00-04:00", 1, "DAYS", "America/New_York", "2026-11-01T12:00:00-05:00"],
    ["MINUTES are real minutes over fall back", "2026-10-31T12:00:00-04:00", 1440, "MINUTES", "America/New_York", "2026-11-01T11:00:00-05:00"],
    ["DAYS over spring forward (23h)", "2026-03-28T12:00:00+01:00", 1, "DAYS", "Europe/Berlin", "2026-03-29T12:00:00+02:00"],
    ["a day into the gap moves forward by the gap", "2026-03-28T02:30:00+01:00", 1, "DAYS", "Europe/Berlin", "2026-03-29T03:30:00+02:00"],
    ["a day into the repeated hour takes the first one", "2026-10-24T02:30:00+02:00", 1, "DAYS", "Europe/Berlin", "2026-10-25T02:30:00+02:00"],
    ["HOURS ignore closures", "2026-04-03T10:00:00+02:00", 48, "HOURS", "Europe/Berlin", "2026-04-05T10:00:00+02:00"],
  ])("%s", (_name, from, amount, unit, zone, expected) => {
    const calendar = zone === "Europe/Berlin" ? premium : newYork;
    expect(show(calendar.add(at(from), amount, unit, "CALENDAR"), zone)).toBe(expected);
  });

  it("elapsed is plain time, signed", () => {
    expect(premium.elapsed(at("2026-04-03T10:00:00+02:00"), at("2026-04-03T10:00:30+02:00"), "CALENDAR")).toBe(30_000);
    expect(premium.elapsed(at("2026-04-03T10:00:30+02:00"), at("2026-04-03T10:00:00+02:00"), "CALENDAR")).toBe(-30_000);
  });

  it("the 24/7 item calendar gives the same answers in BUSINESS_HOURS", () => {
    const item = compileCalendar(itemCalendar);
    const from = at("2026-12-31T20:00:00Z");
    for (const minutes of [0, 1, 240, 1440 * 3 + 7]) {
      expect(item.addBusinessMinutes(from, minutes)).toBe(item.add(from, minutes, "MINUTES", "CALENDAR"));
    }
    expect(item.add(from, 2, "DAYS", "BUSINESS_HOURS")).toBe(from + 2 * 86_400_000);
  });
});

describe("US calendar in New York", () => {
  it("skips Thanksgiving and keeps 09:00 local after the switch", () => {
    expect(show(newYork.add(at("2026-10-30T11:00:00-04:00"), 2, "HOURS", "BUSINESS_HOURS"), "America/New_York")).toBe("2026-11-02T10:00:00-05:00");
    expect(show(newYork.add(at("2026-11-25T15:00:00-05:00"), 2, "HOURS", "BUSINESS_HOURS"), "America/New_York")).toBe("2026-11-27T10:00:00-05:00");
  });
});
