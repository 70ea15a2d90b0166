import type { BusinessCalendar } from "../../calendar/domain/index.ts";
import type { SlaTarget } from "./target.ts";

const UNIT_MS = { MINUTES: 60_000, HOURS: 3_600_000 } as const;

/** A target expressed in clock time, plus the wall-time floor a DAYS target's due never undercuts. */
export interface SlaBudget {
  ms: number;
  /** DAYS targets: calendar.add(startedAt, N, DAYS, clock), the due of a clock never paused */
  notBefore: number | null;
}

/**
 * MINUTES and HOURS are fixed amounts of clock time. N DAYS is "the same local wall time on the
 * Nth following working day, counted from the first moment the clock runs": its due instant comes
 * from calendar.add at the start, and the budget is the clock time up to it — so it depends on
 * the start (23-hour days, lunch breaks) and is unknown before the clock starts (null).
 */
export function slaBudget(target: SlaTarget, calendar: BusinessCalendar, startedAt: number | null): SlaBudget | null {
  if (target.unit !== "DAYS") return { ms: target.amount * UNIT_MS[target.unit], notBefore: null };
  if (startedAt === null) return null;
  const due = targetDueAt(target, calendar, startedAt);
  return { ms: calendar.elapsed(startedAt, due, target.clock), notBefore: due };
}

/**
 * When the target falls due for a clock that starts (or would start) at `from` and is never
 * paused: the amount added on the target's clock, or for `endOfDay` the end of the Nth day the
 * clock runs (1 = the same day: by 18:00 when the office is open 07–18, the next working day's
 * 18:00 when asked after closing).
 */
export function targetDueAt(target: Pick<SlaTarget, "amount" | "unit" | "clock" | "endOfDay">, calendar: BusinessCalendar, from: number): number {
  return target.endOfDay ? calendar.endOfDay(from, target.amount, target.clock) : calendar.add(from, target.amount, target.unit, target.clock);
}
