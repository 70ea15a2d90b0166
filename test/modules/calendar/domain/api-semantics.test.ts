import { describe, expect, it } from "vitest";
import type { CalendarDefinition } from "../../../../src/modules/calendar/domain/index.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { premiumBerlin, ticket247 } from "../../../fixtures/calendars.ts";
import { at, expectDomainError, expectValidationError, show } from "./support.ts";

const premium = compileCalendar(premiumBerlin);
const berlin = (ms: number | null) => show(ms, "Europe/Berlin");

describe("addBusinessMinutes(from, 0)", () => {
  it.each([
    ["open: from itself", "2026-03-02T10:00:17+01:00", "2026-03-02T10:00:17+01:00"],
    ["at the opening instant", "2026-03-02T09:00:00+01:00", "2026-03-02T09:00:00+01:00"],
    ["closed: the next opening", "2026-03-02T12:30:45+01:00", "2026-03-02T13:00:00+01:00"],
    ["at an interval end (closed there): the next opening", "2026-03-02T12:00:00+01:00", "2026-03-02T13:00:00+01:00"],
    ["Friday noon: Monday morning", "2026-03-06T12:00:00+01:00", "2026-03-09T09:00:00+01:00"],
  ])("%s", (_name, from, expected) => {
    expect(berlin(premium.addBusinessMinutes(at(from), 0))).toBe(expected);
    expect(premium.addMillis(at(from), 0, "BUSINESS_HOURS")).toBe(at(expected));
  });
});

describe("input limits", () => {
  const from = at("2026-03-02T10:00:00+01:00");

  it.each([
    ["negative minutes", () => premium.addBusinessMinutes(from, -1), "minutes"],
    ["NaN minutes", () => premium.addBusinessMinutes(from, Number.NaN), "minutes"],
    ["more than ten years of minutes", () => premium.addBusinessMinutes(from, 3660 * 1440 + 1), "minutes"],
    ["negative amount", () => premium.add(from, -1, "HOURS", "BUSINESS_HOURS"), "amount"],
    ["negative days", () => premium.add(from, -1, "DAYS", "WORKING_DAYS"), "amount"],
    ["fractional days", () => premium.add(from, 1.5, "DAYS", "CALENDAR"), "amount"],
    ["more than ten years of days", () => premium.add(from, 3661, "DAYS", "CALENDAR"), "amount"],
    ["negative millis", () => premium.addMillis(from, -1, "WORKING_DAYS"), "amount"],
    ["instant before 1900", () => premium.isOpen(at("1899-12-31T12:00:00Z")), "at"],
    ["instant after 2200", () => premium.nextOpening(at("2201-01-01T12:00:00Z")), "after"],
    ["NaN instant", () => premium.addBusinessMinutes(Number.NaN, 1), "from"],
    ["between with a bad end", () => premium.businessMinutesBetween(from, Number.POSITIVE_INFINITY), "to"],
    ["openings over more than ten years", () => premium.openingsBetween(from, at("2037-01-01T00:00:00Z")), "to"],
    ["malformed holiday range", () => premium.holidays("2026-01-01", "2026-13-01"), "toDate"],
    ["malformed working-day date", () => premium.isWorkingDay("tomorrow"), "date"],
  ])("%s → ValidationError(%s)", (_name, run, field) => {
    expectValidationError(run, field);
  });

  it("accepts exactly ten years", () => {
    expect(premium.add(from, 3660, "DAYS", "CALENDAR")).toBe(at("2036-03-09T10:00:00+01:00"));
    const tenYears = premium.addBusinessMinutes(from, 3660 * 1440); // ~64 calendar years at 27 hours a week
    expect(berlin(tenYears)).toBe("2090-05-04T10:00:00+02:00"); // pinned; the next line is the check
    expect(premium.businessMinutesBetween(from, tenYears)).toBe(3660 * 1440);
  });

  it("reports adding beyond the supported range as a validation error of the amount", () => {
    expectValidationError(() => premium.add(at("2200-06-01T10:00:00Z"), 2000, "HOURS", "BUSINESS_HOURS"), "amount");
  });
});

describe("openingsBetween", () => {
  it("clips to the range and keeps the lunch break", () => {
    expect(premium.openingsBetween(at("2026-03-02T10:30:00+01:00"), at("2026-03-03T09:30:00+01:00"))).toEqual([
      { start: at("2026-03-02T10:30:00+01:00"), end: at("2026-03-02T12:00:00+01:00") },
      { start: at("2026-03-02T13:00:00+01:00"), end: at("2026-03-02T16:00:00+01:00") },
      { start: at("2026-03-03T09:00:00+01:00"), end: at("2026-03-03T09:30:00+01:00") },
    ]);
  });

  it("is empty for an empty or reversed range", () => {
    expect(premium.openingsBetween(at("2026-03-02T10:30:00+01:00"), at("2026-03-02T10:30:00+01:00"))).toEqual([]);
    expect(premium.openingsBetween(at("2026-03-03T10:30:00+01:00"), at("2026-03-02T10:30:00+01:00"))).toEqual([]);
  });

  it("spans a year boundary with 24/7 as one interval", () => {
    const calendar = compileCalendar(ticket247);
    const [from, to] = [at("2026-06-01T00:00:00Z"), at("2027-06-01T00:00:00Z")];
    expect(calendar.openingsBetween(from, to)).toEqual([{ start: from, end: to }]);
  });
});

describe("a calendar that never opens (again)", () => {
  const never: CalendarDefinition = { name: "Never", timeZone: "Europe/Berlin", weeklyHours: [] };

  it("has no next opening and refuses to add, without compiling the years it would search", () => {
    const calendar = compileCalendar(never);
    const from = at("2026-03-02T10:00:00+01:00");
    expect(calendar.nextOpening(from)).toBeNull();
    expect(calendar.isOpen(from)).toBe(false);
    expectDomainError(() => calendar.addBusinessMinutes(from, 15), "CALENDAR_NEVER_OPENS", "minutes");
    expectDomainError(() => calendar.addBusinessMinutes(from, 0), "CALENDAR_NEVER_OPENS", "minutes");
    expectDomainError(() => calendar.add(from, 1, "DAYS", "WORKING_DAYS"), "CALENDAR_NEVER_OPENS", "amount");
    expectDomainError(() => calendar.add(from, 1, "HOURS", "WORKING_DAYS"), "CALENDAR_NEVER_OPENS", "amount");
    expect(calendar.add(from, 1, "HOURS", "CALENDAR")).toBe(from + 3_600_000);
    expect(calendar.businessMinutesBetween(at("1900-01-01T12:00:00Z"), at("2200-12-31T12:00:00Z"))).toBe(0);
    expect(calendar.memoryUsage().years).toBeLessThanOrEqual(1);
  });

  it("finds a single far-away exception exactly and stops after it", () => {
    const calendar = compileCalendar({ ...never, exceptions: [{ date: "2040-01-02", intervals: [{ start: "09:00", end: "10:00" }] }] });
    expect(berlin(calendar.nextOpening(at("2026-03-02T10:00:00+01:00")))).toBe("2040-01-02T09:00:00+01:00");
    expect(berlin(calendar.addBusinessMinutes(at("2026-03-02T10:00:00+01:00"), 60))).toBe("2040-01-02T10:00:00+01:00");
    expect(calendar.nextOpening(at("2040-01-02T10:00:00+01:00"))).toBeNull();
    expectDomainError(() => calendar.addBusinessMinutes(at("2040-01-02T09:30:00+01:00"), 31), "CALENDAR_NEVER_OPENS", "minutes");
  });
});

describe("compiled years", () => {
  it("compiles lazily, one year at a time, and reports their size", () => {
    const calendar = compileCalendar(premiumBerlin);
    expect(calendar.memoryUsage()).toEqual({ years: 0, bytes: 0 });
    calendar.isOpen(at("2026-03-02T10:00:00+01:00"));
    const { years, bytes } = calendar.memoryUsage();
    expect(years).toBe(1);
    expect(bytes).toBeGreaterThan(5_000);
    expect(bytes).toBeLessThan(20_000);
  });
});
