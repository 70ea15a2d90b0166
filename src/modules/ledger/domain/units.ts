import { ValidationError } from "../../../domain/errors.ts";

/** One prepaid unit buys this many minutes of premium support (policy 001). */
export const MINUTES_PER_UNIT = 15;
/** One work log longer than ten weeks of round-the-clock work is a typo, not work. */
export const MAX_WORK_MINUTES = 100_000;
/** The most units one write may move; keeps balances far inside a 32-bit integer. */
export const MAX_UNITS_PER_WRITE = 1_000_000;
/** A balance beyond this (either sign) is refused rather than overflowing the stored Int. */
export const MAX_BALANCE = 1_000_000_000;

/** Units debited for `minutes` of work: always rounded up, so 10 → 1, 15 → 1, 16 → 2. */
export function unitsForMinutes(minutes: number, field = "minutes"): number {
  if (!Number.isInteger(minutes) || minutes <= 0 || minutes > MAX_WORK_MINUTES) {
    throw new ValidationError(field, `${field} must be a whole number of minutes from 1 to ${MAX_WORK_MINUTES}`);
  }
  return Math.ceil(minutes / MINUTES_PER_UNIT);
}

/** A count of units that must be at least 1. */
export function positiveUnits(field: string, value: number, max = MAX_UNITS_PER_WRITE): number {
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    throw new ValidationError(field, `${field} must be a whole number of units from 1 to ${max}`);
  }
  return value;
}

/** A signed correction: positive credits, negative debits, zero means nothing and is refused. */
export function nonZeroUnits(field: string, value: number): number {
  if (!Number.isInteger(value) || value === 0 || Math.abs(value) > MAX_UNITS_PER_WRITE) {
    throw new ValidationError(field, `${field} must be a non-zero whole number of units between -${MAX_UNITS_PER_WRITE} and ${MAX_UNITS_PER_WRITE}`);
  }
  return value;
}
