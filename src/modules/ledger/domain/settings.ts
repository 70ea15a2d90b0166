import { ValidationError } from "../../../domain/errors.ts";

export const MAX_LOW_BALANCE_THRESHOLD = 100_000;
export const MAX_OVERDRAFT_LIMIT = 100_000;

function boundedCount(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ValidationError(field, `${field} must be a whole number of units from 0 to ${max}`);
  }
  return value;
}

/** Warn when the balance falls to this many units or fewer. */
export const lowBalanceThreshold = (field: string, value: number) => boundedCount(field, value, MAX_LOW_BALANCE_THRESHOLD);
/** How many units below zero work may take the balance. */
export const overdraftLimit = (field: string, value: number) => boundedCount(field, value, MAX_OVERDRAFT_LIMIT);
