import { ValidationError } from "../../../domain/errors.ts";
import { amountMinor, currency, type Money } from "../../../domain/money.ts";

/** A package on the price list: so many units for so much money. */
export interface PricedPackage {
  units: number;
  priceMinor: number;
  currency: string;
}

export const MAX_PACKAGE_UNITS = 10_000;
/** 100,000.00 in the currency: with at most 100 packages per purchase the total stays a 32-bit Int. */
export const MAX_PACKAGE_PRICE_MINOR = 10_000_000;
const PACKAGE_CODE = /^[A-Z0-9](?:[A-Z0-9-]{0,30}[A-Z0-9])?$/;

export function packageCode(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!PACKAGE_CODE.test(code)) throw new ValidationError(field, `${field} must be 1–32 letters, digits or inner dashes, e.g. UNITS-20`);
  return code;
}

export const MAX_PACKAGE_NAME_LENGTH = 200;

export function packageName(field: string, value: string): string {
  const name = value.trim();
  if (!name) throw new ValidationError(field, `${field} must not be empty`);
  if (name.length > MAX_PACKAGE_NAME_LENGTH) throw new ValidationError(field, `${field} must be at most ${MAX_PACKAGE_NAME_LENGTH} characters`);
  return name;
}

export interface UnitPackageDraft {
  code: string;
  name: string;
  units: number;
  price: Money;
}

export function packageUnits(field: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0 || value > MAX_PACKAGE_UNITS) {
    throw new ValidationError(field, `${field} must be a whole number of units from 1 to ${MAX_PACKAGE_UNITS}`);
  }
  return value;
}

export function packagePrice(field: string, price: Money): Money {
  return {
    amountMinor: amountMinor(`${field}.amountMinor`, price.amountMinor, MAX_PACKAGE_PRICE_MINOR),
    currency: currency(`${field}.currency`, price.currency),
  };
}

/** A whole package definition, validated field by field. */
export function unitPackage(draft: UnitPackageDraft) {
  const price = packagePrice("price", draft.price);
  return {
    code: packageCode("code", draft.code),
    name: packageName("name", draft.name),
    units: packageUnits("units", draft.units),
    priceMinor: price.amountMinor,
    currency: price.currency,
  };
}

/** What one unit of the package costs, rounded to the nearest minor unit (halves up). */
export function pricePerUnit(pkg: PricedPackage): Money {
  return { amountMinor: Math.round(pkg.priceMinor / pkg.units), currency: pkg.currency };
}

/** At most 100 packages per purchase: with the price cap the amount stays a 32-bit Int. */
export const MAX_PURCHASE_QUANTITY = 100;

export function purchaseQuantity(field: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0 || value > MAX_PURCHASE_QUANTITY) {
    throw new ValidationError(field, `${field} must be a whole number of packages from 1 to ${MAX_PURCHASE_QUANTITY}`);
  }
  return value;
}
