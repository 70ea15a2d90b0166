import { describe, expect, it } from "vitest";
import { changeAdjustment, firstPeriod, periodAfter, prorate } from "../../../../src/modules/subscription/domain/billing-month.ts";
import { covers } from "../../../../src/modules/subscription/domain/coverage.ts";

const at = (iso: string) => new Date(iso).getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const BERLIN = "Europe/Berlin";

describe("the first period: from the booking to the next month, prorated by day (booking day included)", () => {
  it.each([
    ["on the 1st: the whole month", "2026-03-01T09:00:00+01:00", 5900, "2026-03-31T22:00:00.000Z", 5900, 31],
    ["on the 10th of February", "2026-02-10T10:00:00+01:00", 1900, "2026-02-28T23:00:00.000Z", 1289, 19],
    ["on the last day", "2026-03-31T15:00:00+02:00", 3100, "2026-03-31T22:00:00.000Z", 100, 1],
    ["in a leap February", "2028-02-10T10:00:00+01:00", 2900, "2028-02-29T23:00:00.000Z", 2000, 20],
    ["00:30 on 1 April in Berlin (still 31 March in UTC)", "2026-03-31T22:30:00Z", 3000, "2026-04-30T22:00:00.000Z", 3000, 30],
    ["in December: the period ends with the year", "2026-12-17T12:00:00+01:00", 5900, "2026-12-31T23:00:00.000Z", 2855, 15],
    ["an included price of 0", "2026-02-10T10:00:00+01:00", 0, "2026-02-28T23:00:00.000Z", 0, 19],
  ])("%s", (_label, booked, price, end, amount, days) => {
    const period = firstPeriod(at(booked), BERLIN, price);
    expect({ start: iso(period.start), end: iso(period.end), amountMinor: period.amountMinor, days: period.days }).toEqual({
      start: iso(at(booked)),
      end,
      amountMinor: amount,
      days,
    });
  });

  it.each([
    ["March (spring change inside)", "2026-03-01T00:00:00+01:00", "2026-03-31T22:00:00.000Z"],
    ["October (autumn change inside)", "2026-09-30T22:00:00Z", "2026-10-31T23:00:00.000Z"],
    ["December into January", "2026-11-30T23:00:00Z", "2026-12-31T23:00:00.000Z"],
  ])("renews %s as one whole month", (_label, end, next) => {
    const period = periodAfter(at(end), BERLIN);
    expect([iso(period.start), iso(period.end)]).toEqual([iso(at(end)), next]);
  });
});

describe("proration rounds to the nearest cent, halves away from zero", () => {
  it.each([
    [100, 1, 8, 13], // 12.5
    [100, 3, 8, 38], // 37.5
    [-100, 1, 8, -13],
    [5900, 19, 28, 4004], // 4003.57
    [2900, 30, 31, 2806], // 2806.45
    [0, 5, 30, 0],
    [4000, 9, 28, 1286], // 1285.71
  ])("%i × %i / %i = %i", (amount, days, daysInMonth, expected) => {
    expect(prorate(amount, days, daysInMonth)).toBe(expected);
  });

  it.each([
    ["an upgrade 19 → 59 EUR with 9 of 28 days left", "2026-02-20T11:00:00+01:00", 1900, 5900, 1286],
    ["a downgrade 59 → 39 EUR with 4 of 28 days left", "2026-02-25T11:00:00+01:00", 5900, 3900, -286],
    ["a change on the last day", "2026-02-28T23:30:00+01:00", 1900, 5900, 143],
  ])("%s", (_label, instant, from, to, amount) => {
    expect(changeAdjustment(at(instant), at("2026-02-28T23:00:00Z"), BERLIN, from, to)).toBe(amount);
  });
});

describe("an active subscription covers an instant", () => {
  const term = { startedAt: at("2026-03-01T00:00:00Z"), currentPeriodEnd: at("2026-04-01T00:00:00Z") };
  it.each([
    ["before its start", "2026-02-28T23:59:59Z", true, false],
    ["at its start", "2026-03-01T00:00:00Z", true, true],
    ["at the period end, renewing", "2026-04-01T00:00:00Z", true, true],
    ["at the period end, cancelled", "2026-04-01T00:00:00Z", false, false],
    ["just before the end, cancelled", "2026-03-31T23:59:59Z", false, true],
  ])("%s (auto-renew %s): %s", (_label, instant, autoRenew, covered) => {
    expect(covers({ ...term, autoRenew }, at(instant))).toBe(covered);
  });
});
