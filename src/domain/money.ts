import { ValidationError } from "./errors.ts";

/** An amount in the currency's minor unit (cents) with an ISO-4217 code, as the API carries it. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** 10 million minor units (100,000.00): no monthly price or charge here comes near it. */
const MAX_AMOUNT_MINOR = 10_000_000;
const CURRENCY = /^[A-Z]{3}$/;

/** Validates a non-negative amount; `field` is the Money input's path, e.g. `monthlyPrice`. */
export function money(field: string, value: Money): Money {
  if (!Number.isInteger(value.amountMinor) || value.amountMinor < 0 || value.amountMinor > MAX_AMOUNT_MINOR) {
    throw new ValidationError(`${field}.amountMinor`, `${field}.amountMinor must be a whole number of minor units, 0–${MAX_AMOUNT_MINOR}`);
  }
  const currency = value.currency.trim().toUpperCase();
  if (!CURRENCY.test(currency)) throw new ValidationError(`${field}.currency`, `${field}.currency must be an ISO-4217 code such as EUR`);
  return { amountMinor: value.amountMinor, currency };
}
