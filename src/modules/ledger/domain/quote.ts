import { ValidationError } from "../../../domain/errors.ts";
import { MAX_AMOUNT_MINOR, type Money } from "../../../domain/money.ts";
import type { PricedPackage } from "./unit-package.ts";

export const MAX_QUOTE_UNITS = 10_000;

export interface QuotablePackage extends PricedPackage {
  code: string;
}

export interface UnitQuote<P extends QuotablePackage> {
  /** The units asked for. */
  wanted: number;
  /** The units bought: at least `wanted`. */
  units: number;
  surplus: number;
  total: Money;
  /** Largest packages first; each package at most once. */
  lines: { package: P; count: number }[];
}

interface Best {
  cost: number;
  count: number;
  /** The package added last on the way to this many units; -1 for none. */
  last: number;
}

/**
 * The cheapest combination of packages (each any number of times) buying at least `wanted`
 * units; ties go to fewer surplus units, then fewer packages. Null when nothing is on sale.
 *
 * Unbounded knapsack over exact unit counts up to wanted + largest − 1: anything bigger contains
 * a package that can be dropped without losing coverage or costing more.
 */
export function quoteUnits<P extends QuotablePackage>(packages: readonly P[], wanted: number, field = "units"): UnitQuote<P> | null {
  if (!Number.isInteger(wanted) || wanted <= 0 || wanted > MAX_QUOTE_UNITS) {
    throw new ValidationError(field, `${field} must be a whole number of units from 1 to ${MAX_QUOTE_UNITS}`);
  }
  if (packages.length === 0) return null;
  const currencies = new Set(packages.map((pkg) => pkg.currency));
  if (currencies.size > 1) throw new ValidationError("currency", `Packages are sold in ${[...currencies].join(", ")}: choose one currency`);
  // A fixed order makes equal candidates resolve the same way whatever order the caller used.
  const sorted = [...packages].sort((a, b) => b.units - a.units || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const limit = wanted + Math.max(...sorted.map((pkg) => pkg.units)) - 1;

  const best: (Best | undefined)[] = new Array(limit + 1);
  best[0] = { cost: 0, count: 0, last: -1 };
  for (let units = 1; units <= limit; units++) {
    for (const [index, pkg] of sorted.entries()) {
      const from = units >= pkg.units ? best[units - pkg.units] : undefined;
      if (!from) continue;
      const candidate = { cost: from.cost + pkg.priceMinor, count: from.count + 1, last: index };
      const current = best[units];
      if (!current || candidate.cost < current.cost || (candidate.cost === current.cost && candidate.count < current.count)) {
        best[units] = candidate;
      }
    }
  }

  let chosen = -1;
  for (let units = wanted; units <= limit; units++) {
    const candidate = best[units];
    const current = chosen < 0 ? undefined : best[chosen];
    // Walking upwards, a later candidate only wins on price; the earlier one has less surplus.
    if (candidate && (!current || candidate.cost < current.cost)) chosen = units;
  }
  const winner = best[chosen]!;
  if (winner.cost > MAX_AMOUNT_MINOR) throw new ValidationError(field, `A quote for ${wanted} units would exceed the largest amount the API can carry`);

  const counts = new Map<number, number>();
  for (let units = chosen; units > 0; units -= sorted[best[units]!.last]!.units) {
    const index = best[units]!.last;
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  return {
    wanted,
    units: chosen,
    surplus: chosen - wanted,
    total: { amountMinor: winner.cost, currency: sorted[0]!.currency },
    lines: [...counts.entries()].sort(([a], [b]) => a - b).map(([index, count]) => ({ package: sorted[index]!, count })),
  };
}
