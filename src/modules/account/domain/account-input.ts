import { ValidationError } from "../../../domain/errors.ts";

export const ACCOUNT_STATUSES = ["ACTIVE", "SUSPENDED", "CLOSED"] as const;
export const PAYMENT_STATUSES = ["CURRENT", "OVERDUE"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Customer numbers are what customers quote on the phone: short, upper-case, unambiguous. */
const CUSTOMER_NUMBER = /^[A-Z0-9](?:[A-Z0-9-]{1,30}[A-Z0-9])$/;
const LANGUAGE = /^[a-z]{2}(?:-[A-Z]{2})?$/;
export const MAX_NAME_LENGTH = 200;

export function customerNumber(field: string, value: string): string {
  const normalised = value.trim().toUpperCase();
  if (!CUSTOMER_NUMBER.test(normalised)) {
    throw new ValidationError(field, "Customer number must be 3–32 letters, digits or inner dashes, e.g. C-10042");
  }
  return normalised;
}

export function displayName(field: string, value: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new ValidationError(field, "Name must not be empty");
  if (trimmed.length > MAX_NAME_LENGTH) throw new ValidationError(field, `Name must be at most ${MAX_NAME_LENGTH} characters`);
  return trimmed;
}

export function language(field: string, value: string): string {
  if (!LANGUAGE.test(value)) throw new ValidationError(field, 'Language must be an ISO 639-1 code such as "en" or "de-AT"');
  return value;
}

/** Partner codes follow the customer-number rules: both are quoted by humans. */
export const partnerCode = customerNumber;
