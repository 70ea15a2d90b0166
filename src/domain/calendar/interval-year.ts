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
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many entries of an ascending array are < value. */
export function countBelow(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the interval containing t, or -1. */
export function intervalAt(year: IntervalYear, t: number): number {
  const i = countAtOrBelow(year.starts, t) - 1;
  return i >= 0 && t < year.ends[i]! ? i : -1;
}

/** Open ms from the start of the year up to t. */
export function openBefore(year: IntervalYear, t: number): number {
  const i = countAtOrBelow(year.starts, t) - 1;
  return i < 0 ? 0 : year.cumulative[i]! + Math.min(t, year.ends[i]!) - year.starts[i]!;
}

/**
 * The earliest instant by which `open` ms (0 < open <= total) have elapsed since the start of the
 * year. When the amount is used up exactly at the end of an interval, that end is the answer.
 */
export function instantAfterOpen(year: IntervalYear, open: number): number {
  const i = countBelow(year.cumulative, open) - 1;
  return year.starts[i]! + (open - year.cumulative[i]!);
}
