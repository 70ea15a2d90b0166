import type { BusinessCalendar, ClockMode } from "../../calendar/domain/index.ts";
import type { RunningSegment } from "./clock-history.ts";

/**
 * Walks the running segments of a clock on a calendar: one calendar call per segment, so the
 * cost grows with the number of pauses, never with the time covered.
 */
export class ClockWalk {
  constructor(
    private readonly segments: readonly RunningSegment[],
    private readonly calendar: BusinessCalendar,
    private readonly clock: ClockMode,
  ) {}

  /** Clock time the segments covered up to `until`. */
  elapsedUntil(until: number): number {
    let sum = 0;
    for (const { from, to } of this.segments) {
      if (from >= until) break;
      sum += this.calendar.elapsed(from, to === null ? until : Math.min(to, until), this.clock);
    }
    return sum;
  }

  /**
   * The first instant at which the covered clock time reaches `amount` > 0, projecting an open
   * last segment into the future; null when the clock is paused before reaching it.
   */
  instantAt(amount: number): number | null {
    let covered = 0;
    for (const { from, to } of this.segments) {
      const length = to === null ? Infinity : this.calendar.elapsed(from, to, this.clock);
      if (covered + length >= amount) return this.calendar.addMillis(from, amount - covered, this.clock);
      covered += length;
    }
    return null;
  }

  /**
   * `t` itself unless it falls inside a pause (an instant ending a running segment still
   * counts as running), else the end of that pause; null when that pause is still open.
   */
  runningFrom(t: number): number | null {
    const segment = this.segments.find(({ to }) => to === null || to >= t);
    return segment === undefined ? null : Math.max(t, segment.from);
  }
}
