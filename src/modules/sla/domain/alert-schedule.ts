import { ValidationError } from "../../../domain/errors.ts";
import { runningSegments, slaClockPhase, validateSlaClockHistory } from "./clock-history.ts";
import { ClockWalk } from "./clock-walk.ts";
import { dueInstant } from "./clock-status.ts";
import type { SlaClock } from "./clock-status.ts";
import { slaBudget } from "./budget.ts";
import { validateSlaTarget } from "./target.ts";
import { breachInstant } from "./due-rule.ts";

export const DEFAULT_ALERT_THRESHOLDS: readonly number[] = [0.75, 0.9];

export interface SlaAlert {
  kind: "WARNING" | "BREACHED";
  /** the elapsed fraction that triggers it; 1 for BREACHED */
  threshold: number;
  at: number;
}

/**
 * When a running clock's elapsed fraction reaches each threshold (ascending), then BREACHED one
 * millisecond after its due instant — the instant slaClockStatus flips (a reply at the due
 * instant itself is on time, so no alert may precede it). Instants already past are included
 * (a consumer emits each alert once, so it needs them all); a clock that is not started, paused
 * or met has none: recompute the schedule after each change of its history.
 */
export function slaAlertSchedule(clock: SlaClock, thresholds: readonly number[] = DEFAULT_ALERT_THRESHOLDS): SlaAlert[] {
  const { target, calendar, history } = clock;
  validateSlaTarget(target);
  const fractions = validateThresholds(thresholds);
  if (slaClockPhase(validateSlaClockHistory(history)) !== "RUNNING") return [];
  const budget = slaBudget(target, calendar, history.startedAt)!;
  const walk = new ClockWalk(runningSegments(history), calendar, target.clock);
  const warnings = fractions.map((threshold): SlaAlert => ({ kind: "WARNING", threshold, at: walk.instantAt(Math.ceil(threshold * budget.ms))! }));
  return [...warnings, { kind: "BREACHED", threshold: 1, at: breachInstant(dueInstant(walk, budget)!) }];
}

function validateThresholds(thresholds: readonly number[]): number[] {
  thresholds.forEach((threshold, i) => {
    if (!(threshold > 0 && threshold < 1)) throw new ValidationError(`thresholds.${i}`, `thresholds.${i} must be a fraction between 0 and 1, exclusive`);
  });
  return [...new Set(thresholds)].sort((a, b) => a - b);
}

/** A running clock counts as at risk from this elapsed fraction on (tickets store the instant: "atRiskAt"), until it is overdue. */
export const AT_RISK_FRACTION = 0.75;
