import { ValidationError } from "../../../domain/errors.ts";
import type { UnitEntryKind } from "./entry-kind.ts";
import { InsufficientUnitsError } from "./errors.ts";
import { MAX_BALANCE } from "./units.ts";

export interface BalanceLimits {
  balance: number;
  /** How far below zero work may take the balance (0 = no overdraft). */
  overdraftLimit: number;
}

/**
 * The lowest balance a write of `kind` may leave. The overdraft is credit for work in progress;
 * a refund pays back units the customer actually holds, so it never goes below zero.
 */
export function balanceFloor(kind: UnitEntryKind, overdraftLimit: number): number {
  return kind === "REFUND" ? 0 : -overdraftLimit;
}

/**
 * The balance after adding signed `units`. A write that lowers the balance below its floor is an
 * InsufficientUnitsError carrying the shortfall; a write that raises it is always allowed, even
 * when the balance stays below the floor (after the overdraft limit was lowered).
 */
export function applyUnits(account: BalanceLimits, kind: UnitEntryKind, units: number, field = "units"): number {
  const after = account.balance + units;
  const floor = balanceFloor(kind, account.overdraftLimit);
  if (units < 0 && after < floor) throw new InsufficientUnitsError(account.balance, floor - after, field);
  if (Math.abs(after) > MAX_BALANCE) throw new ValidationError(field, `${field} would take the balance beyond ±${MAX_BALANCE}`);
  return after;
}

export interface LowBalanceState {
  threshold: number;
  /** True until the customer has been warned about the current low stretch. */
  armed: boolean;
}

/**
 * Whether a write from `before` to `after` warns the customer, and the armed flag afterwards.
 * A lowering write that ends at or below the threshold warns once; the warning re-arms only when
 * the balance rises above the threshold again. Normally that is the crossing from above; when
 * staff raised the threshold over the balance, the next lowering write warns.
 */
export function lowBalanceAfter(before: number, after: number, state: LowBalanceState): { alert: boolean; armed: boolean } {
  if (after > state.threshold) return { alert: false, armed: true };
  if (state.armed && after < before) return { alert: true, armed: false };
  return { alert: false, armed: state.armed };
}

/** The armed flag after staff change the threshold: a balance above the new threshold re-arms. */
export function armedAfterThresholdChange(balance: number, threshold: number, armed: boolean): boolean {
  return armed || balance > threshold;
}
