import type { IntervalYear } from "./interval-year.ts";
import { accrualIndex, instantAfterOpen, intervalAt, openBefore, startsAtOrBefore } from "./interval-year.ts";
import type { YearIndex } from "./year-index.ts";

export interface OpenInterval {
  start: number;
  end: number;
}

/**
 * One clock (business hours or whole working days) over all years: the per-year interval sets
 * are stitched together here, walking whole years by their totals and searching inside one
 * (see interval-year.ts). Instants must lie within the YearIndex's range; years after
 * `lastYear` are known empty.
 */
export class Timeline {
  constructor(
    private readonly years: YearIndex,
    private readonly intervalsOf: (year: number) => IntervalYear,
    private readonly lastYear: number,
  ) {}

  isOpen(t: number): boolean {
    return intervalAt(this.intervalsOf(this.years.yearOf(t)), t) >= 0;
  }

  /** `t` itself when open at t, else the start of the next interval; null when none follows. */
  nextOpening(t: number): number | null {
    let year = this.years.yearOf(t);
    const intervals = this.intervalsOf(year);
    const i = startsAtOrBefore(intervals, t);
    if (i > 0 && t < intervals.ends[i - 1]!) return t;
    if (i < intervals.starts.length) return intervals.starts[i]!;
    for (year++; year <= this.lastYear; year++) {
      const next = this.intervalsOf(year);
      if (next.starts.length > 0) return next.starts[0]!;
    }
    return null;
  }

  /** Open ms between two instants; negative when to < from. */
  elapsed(from: number, to: number): number {
    if (to < from) return 0 - this.elapsed(to, from); // 0 - x, not -x: never -0
    const fromYear = this.years.yearOf(from);
    const toYear = this.years.yearOf(to);
    if (fromYear > this.lastYear) return 0;
    const first = this.intervalsOf(fromYear);
    if (fromYear === toYear) return openBefore(first, to) - openBefore(first, from);
    let sum = first.total - openBefore(first, from);
    for (let year = fromYear + 1; year < toYear && year <= this.lastYear; year++) sum += this.intervalsOf(year).total;
    return toYear > this.lastYear ? sum : sum + openBefore(this.intervalsOf(toYear), to);
  }

  /**
   * The instant at which `amount` > 0 ms of open time have elapsed after `from`, landing on an
   * interval's end rather than the next start; null when the clock stops for good before that.
   */
  advance(from: number, amount: number): number | null {
    let year = this.years.yearOf(from);
    if (year > this.lastYear) return null;
    let intervals = this.intervalsOf(year);
    const index = accrualIndex(intervals, from);
    let target = openBefore(intervals, from, index) + amount;
    if (target <= intervals.total) return instantAfterOpen(intervals, target, index);
    do {
      target -= intervals.total;
      if (++year > this.lastYear) return null;
      intervals = this.intervalsOf(year);
    } while (target > intervals.total);
    return instantAfterOpen(intervals, target);
  }

  /** Open intervals clipped to [from, to], touching ones (across midnight or New Year) merged. */
  openings(from: number, to: number): OpenInterval[] {
    const result: OpenInterval[] = [];
    const lastYear = Math.min(this.years.yearOf(to), this.lastYear);
    for (let year = this.years.yearOf(from); year <= lastYear; year++) {
      const intervals = this.intervalsOf(year);
      const { starts, ends } = intervals;
      for (let i = Math.max(0, startsAtOrBefore(intervals, from) - 1); i < starts.length && starts[i]! < to; i++) {
        const start = Math.max(from, starts[i]!);
        const end = Math.min(to, ends[i]!);
        const last = result[result.length - 1];
        if (end <= start) continue;
        if (last && last.end === start) last.end = end;
        else result.push({ start, end });
      }
    }
    return result;
  }
}
