import { DAY_MS, firstDayOfYear, MAX_YEAR, MIN_YEAR } from "./local-time.ts";
import type { TimeZone } from "./time-zone.ts";

const AVERAGE_YEAR_MS = 365.2425 * DAY_MS;

/** Where the local years of a zone begin, as instants; the supported range is MIN_YEAR..MAX_YEAR. */
export class YearIndex {
  private readonly starts = new Float64Array(MAX_YEAR - MIN_YEAR + 2).fill(Number.NaN);
  private lastYear = MIN_YEAR;
  private lastStart = Number.NaN;
  private lastEnd = Number.NaN;

  constructor(private readonly zone: TimeZone) {}

  /** First supported instant (local 1900-01-01 00:00). */
  get first(): number {
    return this.start(MIN_YEAR);
  }

  /** First instant after the supported range (local 2201-01-01 00:00). */
  get end(): number {
    return this.start(MAX_YEAR + 1);
  }

  start(year: number): number {
    const i = year - MIN_YEAR;
    let start = this.starts[i]!;
    if (Number.isNaN(start)) {
      start = this.zone.toInstant(firstDayOfYear(year) * DAY_MS);
      this.starts[i] = start;
    }
    return start;
  }

  /** The local year of an instant within the supported range. */
  yearOf(t: number): number {
    if (t >= this.lastStart && t < this.lastEnd) return this.lastYear;
    let year = Math.min(MAX_YEAR, Math.max(MIN_YEAR, Math.floor(t / AVERAGE_YEAR_MS) + 1970));
    while (year > MIN_YEAR && t < this.start(year)) year--;
    while (year < MAX_YEAR && t >= this.start(year + 1)) year++;
    this.lastYear = year;
    this.lastStart = this.start(year);
    this.lastEnd = this.start(year + 1);
    return year;
  }
}
