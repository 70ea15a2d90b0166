import type { ClockMode, DurationUnit } from "../../calendar/domain/index.ts";
import { MAX_SPAN_DAYS } from "../../calendar/domain/index.ts";
import { ValidationError } from "../../../domain/errors.ts";

export const SLA_TARGET_KINDS = ["FIRST_RESPONSE", "NEXT_RESPONSE", "RESOLUTION"] as const;
export type SlaTargetKind = (typeof SLA_TARGET_KINDS)[number];

const CLOCK_MODES: readonly ClockMode[] = ["BUSINESS_HOURS", "WORKING_DAYS", "CALENDAR"];
const DURATION_UNITS: readonly DurationUnit[] = ["MINUTES", "HOURS", "DAYS"];
const MAX_AMOUNT: Record<DurationUnit, number> = { MINUTES: MAX_SPAN_DAYS * 1440, HOURS: MAX_SPAN_DAYS * 24, DAYS: MAX_SPAN_DAYS };

/** A promise of a tier, e.g. Gold: first response within 4 HOURS on the BUSINESS_HOURS clock, guaranteed. */
export interface SlaTarget {
  kind: SlaTargetKind;
  /** a whole number ≥ 1 of `unit` */
  amount: number;
  unit: DurationUnit;
  clock: ClockMode;
  /** false: best effort ("usually within 1–2 working days"); computed the same, flagged */
  guaranteed: boolean;
  /**
   * DAYS only: due when the clock's time ends on the Nth day it runs, the day it starts on being
   * the first (001: a premium remote session "normally starts the same day" is 1 DAYS with this);
   * absent or false: the same local wall time on the Nth following day.
   */
  endOfDay?: boolean;
}

/** Throws a ValidationError naming `${field}.<property>` for the first offending property. */
export function validateSlaTarget(target: SlaTarget, field = "target"): SlaTarget {
  if (!SLA_TARGET_KINDS.includes(target.kind)) throw new ValidationError(`${field}.kind`, `${field}.kind must be one of ${SLA_TARGET_KINDS.join(", ")}`);
  if (!DURATION_UNITS.includes(target.unit)) throw new ValidationError(`${field}.unit`, `${field}.unit must be one of ${DURATION_UNITS.join(", ")}`);
  if (!CLOCK_MODES.includes(target.clock)) throw new ValidationError(`${field}.clock`, `${field}.clock must be one of ${CLOCK_MODES.join(", ")}`);
  const max = MAX_AMOUNT[target.unit];
  if (!Number.isInteger(target.amount) || target.amount < 1 || target.amount > max) {
    throw new ValidationError(`${field}.amount`, `${field}.amount must be a whole number from 1 to ${max}`);
  }
  if (typeof target.guaranteed !== "boolean") throw new ValidationError(`${field}.guaranteed`, `${field}.guaranteed must be true or false`);
  if (target.endOfDay && target.unit !== "DAYS") throw new ValidationError(`${field}.endOfDay`, `${field}.endOfDay needs unit DAYS (the end of the Nth day)`);
  return target;
}
