import { DateTime } from "luxon";

/**
 * Paid levels are billed per calendar month in the billing zone, so they can be billed together
 * with the customer's monthly plan (000). The first period runs from the booking to the start of
 * the next month and is prorated by day; each renewal is one whole month.
 */
export interface BillingPeriod {
  start: number;
  end: number;
}

export interface ProratedPeriod extends BillingPeriod {
  amountMinor: number;
  /** days charged, the booking day included */
  days: number;
  daysInMonth: number;
}

const local = (at: number, zone: string) => DateTime.fromMillis(at, { zone });

/** The first period of a booking at `at`: price × days left in the month (today included) / days in the month. */
export function firstPeriod(at: number, zone: string, priceMinor: number): ProratedPeriod {
  const end = local(at, zone).startOf("month").plus({ months: 1 }).toMillis();
  const { days, daysInMonth } = daysLeft(at, end, zone);
  return { start: at, end, amountMinor: prorate(priceMinor, days, daysInMonth), days, daysInMonth };
}

/** The whole month that follows a period ending at `end` (a month start in `zone`). */
export function periodAfter(end: number, zone: string): BillingPeriod {
  return { start: end, end: local(end, zone).plus({ months: 1 }).startOf("month").toMillis() };
}

/** A mid-period change of price: the difference for the days left, today included; negative is a credit. */
export function changeAdjustment(at: number, periodEnd: number, zone: string, fromPriceMinor: number, toPriceMinor: number): number {
  const { days, daysInMonth } = daysLeft(at, periodEnd, zone);
  return prorate(toPriceMinor - fromPriceMinor, days, daysInMonth);
}

/**
 * `amount × days / daysInMonth`, rounded to the nearest minor unit, halves away from zero
 * (commercial rounding), in integer arithmetic so no float error decides a cent.
 */
export function prorate(amountMinor: number, days: number, daysInMonth: number): number {
  const sign = amountMinor < 0 ? -1 : 1;
  const rounded = Math.floor((2 * Math.abs(amountMinor) * days + daysInMonth) / (2 * daysInMonth));
  return sign * rounded + 0;
}

function daysLeft(at: number, periodEnd: number, zone: string): { days: number; daysInMonth: number } {
  const today = local(at, zone).startOf("day");
  const last = local(periodEnd - 1, zone).startOf("day");
  return { days: Math.round(last.diff(today, "days").days) + 1, daysInMonth: today.daysInMonth! };
}
