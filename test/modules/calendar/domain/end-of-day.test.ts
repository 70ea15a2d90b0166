import { describe, expect, it } from "vitest";
import type { ClockMode } from "../../../../src/modules/calendar/domain/index.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { installationCet, itemCalendar, premiumBerlin, ticket247 } from "../../../fixtures/calendars.ts";
import { at, expectValidationError, show } from "./support.ts";

// 001's office (Mon–Fri 07–18 CET): "normally the remote session starts the same day".
const office = compileCalendar(installationCet);
const officeDE = compileCalendar({ ...installationCet, name: "Office, German holidays", holidayRegions: ["DE"] });
const officeNewYork = compileCalendar({ ...installationCet, name: "Office New York", timeZone: "America/New_York" });
const premium = compileCalendar(premiumBerlin);
const allWeek = compileCalendar(ticket247);
const kolkata = compileCalendar({ ...itemCalendar, timeZone: "Asia/Kolkata" });

type Row = [string, ReturnType<typeof compileCalendar>, string, number, ClockMode, string];

describe("the end of the Nth day the clock runs (1 = the same day)", () => {
  it.each<Row>([
    ["asked Tuesday 10:00: by Tuesday's close", office, "2026-03-10T10:00:00+01:00", 1, "BUSINESS_HOURS", "2026-03-10T18:00:00+01:00"],
    ["asked at the opening instant (open)", office, "2026-03-10T07:00:00+01:00", 1, "BUSINESS_HOURS", "2026-03-10T18:00:00+01:00"],
    ["asked a minute before closing", office, "2026-03-10T17:59:00+01:00", 1, "BUSINESS_HOURS", "2026-03-10T18:00:00+01:00"],
    ["asked at the closing instant (closed): the next day's close", office, "2026-03-10T18:00:00+01:00", 1, "BUSINESS_HOURS", "2026-03-11T18:00:00+01:00"],
    ["asked 19:30 on the hotline: the next working day's close", office, "2026-03-10T19:30:00+01:00", 1, "BUSINESS_HOURS", "2026-03-11T18:00:00+01:00"],
    ["asked before the office opens: that day's close", office, "2026-03-10T06:00:00+01:00", 1, "BUSINESS_HOURS", "2026-03-10T18:00:00+01:00"],
    ["asked Friday evening: Monday's close", office, "2026-03-13T18:30:00+01:00", 1, "BUSINESS_HOURS", "2026-03-16T18:00:00+01:00"],
    ["asked Saturday: Monday's close", office, "2026-03-14T10:00:00+01:00", 1, "BUSINESS_HOURS", "2026-03-16T18:00:00+01:00"],
    ["over the spring DST weekend", office, "2026-03-27T19:00:00+01:00", 1, "BUSINESS_HOURS", "2026-03-30T18:00:00+02:00"],
    ["over Easter with German holidays", officeDE, "2026-04-02T19:00:00+02:00", 1, "BUSINESS_HOURS", "2026-04-07T18:00:00+02:00"],
    ["on Maundy Thursday itself (a working day)", officeDE, "2026-04-02T09:00:00+02:00", 1, "BUSINESS_HOURS", "2026-04-02T18:00:00+02:00"],
    ["New York over the autumn switch", officeNewYork, "2026-10-30T19:00:00-04:00", 1, "BUSINESS_HOURS", "2026-11-02T18:00:00-05:00"],
    ["2 days: the close of the next working day", office, "2026-03-10T10:00:00+01:00", 2, "BUSINESS_HOURS", "2026-03-11T18:00:00+01:00"],
    ["2 days from Friday evening: Tuesday's close", office, "2026-03-13T19:00:00+01:00", 2, "BUSINESS_HOURS", "2026-03-17T18:00:00+01:00"],
    ["a lunch break: the afternoon's close, not the morning's", premium, "2026-03-09T11:00:00+01:00", 1, "BUSINESS_HOURS", "2026-03-09T16:00:00+01:00"],
    ["asked over lunch: the afternoon's close", premium, "2026-03-09T12:30:00+01:00", 1, "BUSINESS_HOURS", "2026-03-09T16:00:00+01:00"],
    ["Friday's short day", premium, "2026-03-13T10:00:00+01:00", 1, "BUSINESS_HOURS", "2026-03-13T12:00:00+01:00"],
    ["an interval ending 24:00: midnight", allWeek, "2026-03-10T10:00:00+01:00", 1, "BUSINESS_HOURS", "2026-03-11T00:00:00+01:00"],
    ["WORKING_DAYS: the working day's midnight", office, "2026-03-10T10:00:00+01:00", 1, "WORKING_DAYS", "2026-03-11T00:00:00+01:00"],
    ["WORKING_DAYS from Saturday: Monday's midnight", office, "2026-03-14T10:00:00+01:00", 1, "WORKING_DAYS", "2026-03-17T00:00:00+01:00"],
    ["CALENDAR on the 23-hour day", allWeek, "2026-03-29T10:00:00+02:00", 1, "CALENDAR", "2026-03-30T00:00:00+02:00"],
    ["CALENDAR in a half-hour zone", kolkata, "2026-03-10T23:00:00+05:30", 1, "CALENDAR", "2026-03-11T00:00:00+05:30"],
  ])("%s", (_name, calendar, from, days, clock, expected) => {
    expect(show(calendar.endOfDay(at(from), days, clock), calendar.timeZone)).toBe(expected);
  });

  it.each([0, -1, 1.5])("refuses %s days, naming amount", (days) => {
    expectValidationError(() => office.endOfDay(at("2026-03-10T10:00:00+01:00"), days, "BUSINESS_HOURS"), "amount");
  });
});
