import { ValidationError } from "../../../domain/errors.ts";

/** The clock does not run in [from, to); `to` null: paused until further notice. */
export interface SlaPause {
  from: number;
  to: number | null;
}

/**
 * What happened to one SLA clock, as plain data (instants in epoch ms):
 * `startedAt` null while the clock has not started (e.g. awaiting required information);
 * `pauses` in order, not overlapping, only the last one may be open; `metAt` when the target
 * was met. A clock never needs more than this: its state at any instant follows from it.
 */
export interface SlaClockHistory {
  startedAt: number | null;
  pauses: readonly SlaPause[];
  metAt: number | null;
}

/** The shape of a history after its last event, independent of any instant. */
export type SlaClockPhase = "NOT_STARTED" | "RUNNING" | "PAUSED" | "MET";

/** A stretch of wall time during which the clock runs; `to` null: still running. */
export interface RunningSegment {
  from: number;
  to: number | null;
}

export function slaClockPhase(history: SlaClockHistory): SlaClockPhase {
  if (history.startedAt === null) return "NOT_STARTED";
  if (history.metAt !== null) return "MET";
  return history.pauses.at(-1)?.to === null ? "PAUSED" : "RUNNING";
}

/** Checks the invariants above; throws a ValidationError naming e.g. `pauses.2.to`. */
export function validateSlaClockHistory(history: SlaClockHistory): SlaClockHistory {
  const { startedAt, pauses, metAt } = history;
  if (startedAt === null) {
    if (pauses.length > 0) throw new ValidationError("pauses", "pauses must be empty for a clock that has not started");
    if (metAt !== null) throw new ValidationError("metAt", "metAt must be empty for a clock that has not started");
    return history;
  }
  instant("startedAt", startedAt);
  let previousEnd = startedAt;
  pauses.forEach((pause, i) => {
    if (instant(`pauses.${i}.from`, pause.from) < previousEnd) {
      throw new ValidationError(`pauses.${i}.from`, `pauses.${i}.from must not be before the clock started or the previous pause ended`);
    }
    if (pause.to === null) {
      if (i < pauses.length - 1) throw new ValidationError(`pauses.${i}.to`, `pauses.${i}.to may be open only for the last pause`);
      previousEnd = pause.from;
    } else {
      if (instant(`pauses.${i}.to`, pause.to) < pause.from) throw new ValidationError(`pauses.${i}.to`, `pauses.${i}.to must not be before its from`);
      previousEnd = pause.to;
    }
  });
  if (metAt !== null && instant("metAt", metAt) < startedAt) throw new ValidationError("metAt", "metAt must not be before the clock started");
  return history;
}

/**
 * The history as it stood at `horizon` (half-open: a pause from `horizon` on counts, one that
 * ends at `horizon` is over; a clock met at `horizon` is met): later events are dropped, a pause
 * still running at `horizon` is open.
 */
export function slaClockHistoryAt(history: SlaClockHistory, horizon: number): SlaClockHistory {
  const { startedAt, metAt } = history;
  if (startedAt === null || startedAt > horizon) return { startedAt: null, pauses: [], metAt: null };
  const pauses = history.pauses
    .filter((pause) => pause.from <= horizon)
    .map((pause) => (pause.to !== null && pause.to > horizon ? { from: pause.from, to: null } : pause));
  return { startedAt, pauses, metAt: metAt !== null && metAt <= horizon ? metAt : null };
}

/** Wall-time stretches between the pauses, empty ones left out; the last is open when running. */
export function runningSegments(history: SlaClockHistory): RunningSegment[] {
  if (history.startedAt === null) return [];
  const segments: RunningSegment[] = [];
  let from: number | null = history.startedAt;
  for (const pause of history.pauses) {
    if (from === null) break;
    if (pause.from > from) segments.push({ from, to: pause.from });
    from = pause.to;
  }
  if (from !== null) segments.push({ from, to: null });
  return segments;
}

function instant(field: string, value: number): number {
  if (Number.isSafeInteger(value)) return value;
  throw new ValidationError(field, `${field} must be an instant in whole epoch milliseconds`);
}
