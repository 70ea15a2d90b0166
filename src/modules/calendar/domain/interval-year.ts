/**
 * One local year of a clock as sorted, disjoint, non-touching UTC intervals [start, end) with
 * prefix sums of their lengths, so "open time up to t" and "instant after x open time" are
 * searches. The same structure serves business hours and whole working days.
 */
export interface IntervalYear {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** open ms before interval i; the last entry is the year's total */
  readonly cumulative: Float64Array;
  readonly total: number;
  /** the year's first instant; bucket b is the UTC day [origin + b·DAY, origin + (b+1)·DAY) */
  readonly origin: number;
  /** buckets[b] = number of intervals starting before bucket b, so locating t is O(1) */
  readonly buckets: Int32Array;
}

const BUCKET_MS = 86_400_000;

export class IntervalYearBuilder {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** For the year [origin, end). */
  constructor(
    private readonly origin: number,
    private readonly end: number,
  ) {}

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
    const { starts, ends, origin } = this;
    const cumulative = new Float64Array(starts.length + 1);
    for (let i = 0; i < starts.length; i++) cumulative[i + 1] = cumulative[i]! + ends[i]! - starts[i]!;
    const buckets = new Int32Array(Math.ceil((this.end - origin) / BUCKET_MS) + 1);
    for (let b = 0, i = 0; b < buckets.length; b++) {
      while (i < starts.length && starts[i]! < origin + b * BUCKET_MS) i++;
      buckets[b] = i;
    }
    return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), cumulative, total: cumulative[starts.length]!, origin, buckets };
  }
}

export function intervalYearBytes(year: IntervalYear): number {
  return year.starts.byteLength + year.ends.byteLength + year.cumulative.byteLength + year.buckets.byteLength;
}

/** How many entries of an ascending array are <= value, given that the answer lies in [low, high]. */
export function countAtOrBelow(sorted: Float64Array | Int32Array, value: number, low = 0, high = sorted.length): number {
  // branch-free halving: the comparison feeds a conditional move instead of a mispredicted jump
  let base = low;
  let length = high - low;
  if (length === 0) return low;
  while (length > 1) {
    const half = length >>> 1;
    base = sorted[base + half - 1]! <= value ? base + half : base;
    length -= half;
  }
  return base + (sorted[base]! <= value ? 1 : 0);
}

/** How many intervals of the year start at or before t (any t, also outside the year). */
export function startsAtOrBefore(year: IntervalYear, t: number): number {
  const bucket = Math.floor((t - year.origin) / BUCKET_MS);
  if (bucket < 0) return 0;
  const { buckets, starts } = year;
  if (bucket + 1 >= buckets.length) return countAtOrBelow(starts, t, buckets[buckets.length - 1]!);
  return countAtOrBelow(starts, t, buckets[bucket]!, buckets[bucket + 1]!);
}

/** Index of the interval containing t, or -1. */
export function intervalAt(year: IntervalYear, t: number): number {
  const i = startsAtOrBefore(year, t) - 1;
  return i >= 0 && t < year.ends[i]! ? i : -1;
}

/** Index of the interval in which open time after t accrues first: the one containing t, else the next (n when none). */
export function accrualIndex(year: IntervalYear, t: number): number {
  const i = startsAtOrBefore(year, t);
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
