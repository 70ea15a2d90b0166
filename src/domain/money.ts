import { ValidationError } from "./errors.ts";

/** An amount in the currency's minor unit (cents), with an ISO-4217 code. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** GraphQL's Int is 32-bit: no amount may exceed it. */
export const MAX_AMOUNT_MINOR = 2_147_483_647;
const CURRENCY = /^[A-Z]{3}$/;

export function currency(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!CURRENCY.test(code)) throw new ValidationError(field, `${field} must be an ISO-4217 code such as "EUR"`);
  return code;
}

/** A non-negative whole amount of minor units no larger than `max`. */
export function amountMinor(field: string, value: number, max = MAX_AMOUNT_MINOR): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ValidationError(field, `${field} must be a whole number of minor units from 0 to ${max}`);
  }
  return value;
}

/** A whole Money input; `field` is its path, e.g. `monthlyPrice`, and errors name `.amountMinor` or `.currency`. */
export function money(field: string, value: Money, max = MAX_AMOUNT_MINOR): Money {
  return { amountMinor: amountMinor(`${field}.amountMinor`, value.amountMinor, max), currency: currency(`${field}.currency`, value.currency) };
}
