import type { BusinessCalendar } from "../../calendar/domain/index.ts";
import { runningSegments, slaClockHistoryAt, validateSlaClockHistory } from "./clock-history.ts";
import type { SlaClockHistory } from "./clock-history.ts";
import { ClockWalk } from "./clock-walk.ts";
import { slaBudget } from "./budget.ts";
import type { SlaBudget } from "./budget.ts";
import { validateSlaTarget } from "./target.ts";
import { metOnTime, overdueAt } from "./due-rule.ts";
import type { SlaTarget, SlaTargetKind } from "./target.ts";

/** One target of a ticket counted on its calendar over its history. */
export interface SlaClock {
  target: SlaTarget;
  calendar: BusinessCalendar;
  history: SlaClockHistory;
}

export type SlaClockState = "NOT_STARTED" | "RUNNING" | "PAUSED" | "MET" | "BREACHED" | "MET_LATE";

export interface SlaClockStatus {
  kind: SlaTargetKind;
  /** false: a best-effort target, computed the same way */
  guaranteed: boolean;
  state: SlaClockState;
  /** clock time accrues at this instant: started, not met, not paused (also when already breached) */
  running: boolean;
  startedAt: number | null;
  metAt: number | null;
  /**
   * When the elapsed clock time reaches the budget (a DAYS target: never before its wall-time due).
   * null before the start and while PAUSED (the due moves with the pause; remainingMs is frozen
   * instead). For a met clock: the due as it stood when met.
   */
  dueAt: number | null;
  /** the target in clock time; null only for a DAYS target that has not started */
  budgetMs: number | null;
  /** clock time the clock ran, pauses excluded, up to now (or up to metAt) */
  elapsedMs: number;
  /** budgetMs − elapsedMs: signed, negative once the clock time is overrun */
  remainingMs: number | null;
  /** elapsedMs / budgetMs; 0 before the start */
  elapsedFraction: number;
  /** the due instant passed while not met (BREACHED, MET_LATE); never for an event at the due instant itself */
  breached: boolean;
  metLate: boolean;
}

/**
 * The clock at `now`, from the history as it stood at `now` (events after it are ignored, so a
 * stored history answers for any past instant too). The due instant itself is still on time
 * (due-rule.ts): RUNNING up to and at dueAt, BREACHED from dueAt + 1 ms; met at dueAt is MET,
 * 1 ms later MET_LATE. A paused clock is judged at the start of its pause: it never breaches
 * while paused (a DAYS target whose clock time ran out and that is paused over its wall-time due
 * is due the moment it resumes).
 *
 * Re-targeting (a tier change mid-ticket) is this function with the new target and the same
 * history: the running segments are measured in the new target's clock and calendar, so the
 * elapsed business time is kept and the due follows from the new budget.
 */
export function slaClockStatus(clock: SlaClock, now: number): SlaClockStatus {
  const { target, calendar } = clock;
  validateSlaTarget(target);
  const history = slaClockHistoryAt(validateSlaClockHistory(clock.history), now);
  const budget = slaBudget(target, calendar, history.startedAt);
  const base = { kind: target.kind, guaranteed: target.guaranteed, startedAt: history.startedAt, metAt: history.metAt, budgetMs: budget?.ms ?? null };
  if (history.startedAt === null || budget === null) {
    return {
      ...base,
      state: "NOT_STARTED",
      running: false,
      dueAt: null,
      elapsedMs: 0,
      remainingMs: base.budgetMs,
      elapsedFraction: 0,
      breached: false,
      metLate: false,
    };
  }
  const horizon = history.metAt ?? now;
  const upToHorizon = slaClockHistoryAt(history, horizon);
  const walk = new ClockWalk(runningSegments(upToHorizon), calendar, target.clock);
  const elapsedMs = walk.elapsedUntil(horizon);
  const dueAt = dueInstant(walk, budget);
  const measured = { ...base, elapsedMs, remainingMs: budget.ms - elapsedMs, elapsedFraction: elapsedMs / budget.ms };
  if (history.metAt !== null) {
    const metLate = dueAt !== null && !metOnTime(history.metAt, dueAt);
    return { ...measured, state: metLate ? "MET_LATE" : "MET", running: false, dueAt, breached: metLate, metLate };
  }
  const pausedSince = pauseStart(upToHorizon);
  const running = pausedSince === null;
  if (dueAt !== null && overdueAt(dueAt, pausedSince ?? now)) return { ...measured, state: "BREACHED", running, dueAt, breached: true, metLate: false };
  return { ...measured, state: running ? "RUNNING" : "PAUSED", running, dueAt: running ? dueAt : null, breached: false, metLate: false };
}

/**
 * The instant the clock time reaches the budget — for a DAYS target not before its wall-time
 * due; if that falls inside a pause, the end of the pause.
 */
export function dueInstant(walk: ClockWalk, budget: SlaBudget): number | null {
  const reached = walk.instantAt(budget.ms);
  if (reached === null || budget.notBefore === null || budget.notBefore <= reached) return reached;
  return walk.runningFrom(budget.notBefore);
}

function pauseStart(history: SlaClockHistory): number | null {
  const last = history.pauses.at(-1);
  return last !== undefined && last.to === null ? last.from : null;
}
