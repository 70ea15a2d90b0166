/**
 * One local year of a clock as sorted, disjoint, non-touching UTC intervals [start, end) with
 * prefix sums of their lengths, so "open time up to t" and "instant after x open time" are
 * binary searches. The same structure serves business hours and whole working days.
 */
export interface IntervalYear {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** open ms before interval i; the last entry is the year's total */
  readonly cumulative: Float64Array;
  readonly total: number;
}

export class IntervalYearBuilder {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Intervals must come in ascending order of start; overlapping and touching ones merge. */
  add(start: number, end: number): void {
    if (end <= start) return;
    const last = this.ends.length - 1;
    if (last >= 0 && start <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, end);
    else {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  build(): IntervalYear {
    const cumulative = new Float64Array(this.starts.length + 1);
    for (let i = 0; i < this.starts.length; i++) cumulative[i + 1] = cumulative[i]! + this.ends[i]! - this.starts[i]!;
    return {
      starts: Float64Array.from(this.starts),
      ends: Float64Array.from(this.ends),
      cumulative,
      total: cumulative[this.starts.length]!,
    };
  }
}

export function intervalYearBytes(year: IntervalYear): number {
  return year.starts.byteLength + year.ends.byteLength + year.cumulative.byteLength;
}

/** How many entries of an ascending array are <= value. */
export function countAtOrBelow(sorted: Float64Array | Int32Array, value: number): number {
  // branch-free halving: the comparison feeds a conditional move instead of a mispredicted jump
  let base = 0;
  let length = sorted.length;
  if (length === 0) return 0;
  while (length > 1) {
    const half = length >>> 1;
    base = sorted[base + half - 1]! <= value ? base + half : base;
    length -= half;
  }
  return base + (sorted[base]! <= value ? 1 : 0);
}

/** Index of the interval containing t, or -1. */
export function intervalAt(year: IntervalYear, t: number): number {
  const i = countAtOrBelow(year.starts, t) - 1;
  return i >= 0 && t < year.ends[i]! ? i : -1;
}

/** Index of the interval in which open time after t accrues first: the one containing t, else the next (n when none). */
export function accrualIndex(year: IntervalYear, t: number): number {
  const i = countAtOrBelow(year.starts, t);
  return i > 0 && t < year.ends[i - 1]! ? i - 1 : i;
}

/** Open ms from the start of the year up to t; `index` is accrualIndex(year, t). */
export function openBefore(year: IntervalYear, t: number, index = accrualIndex(year, t)): number {
  return index < year.starts.length ? year.cumulative[index]! + Math.max(0, t - year.starts[index]!) : year.total;
}

/**
 * The earliest instant by which `open` ms (0 < open <= total) have elapsed since the start of the
 * year. When the amount is used up exactly at the end of an interval, that end is the answer.
 * `hint` is the interval to try before searching (short amounts rarely leave it).
 */
export function instantAfterOpen(year: IntervalYear, open: number, hint = 0): number {
  const { cumulative } = year;
  // prefix sums are whole milliseconds, so "entries < open" are the entries <= ceil(open) - 1
  const i = cumulative[hint]! < open && open <= cumulative[hint + 1]! ? hint : countAtOrBelow(cumulative, Math.ceil(open) - 1) - 1;
  return year.starts[i]! + (open - cumulative[i]!);
}
