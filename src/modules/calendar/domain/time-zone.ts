import { DAY_MS, SECOND_MS } from "./local-time.ts";

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const FORMATTED = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/**
 * Conversions between instants (epoch ms) and local wall-clock time ("local ms": the wall clock
 * read as if it were UTC) in one IANA zone, straight from Intl: one `format` call per lookup is
 * about ten times cheaper than luxon's `IANAZone.offset`, and compiling a year makes ~1,000.
 */
export class TimeZone {
  private readonly format: (instant: number) => string;

  /** The canonical spelling of a known IANA zone, or null. */
  static canonicalName(name: unknown): string | null {
    if (typeof name !== "string" || !ZONE_NAME.test(name)) return null;
    try {
      return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      return null;
    }
  }

  constructor(readonly name: string) {
    const options = {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    } as const;
    this.format = new Intl.DateTimeFormat("en-US", options).format;
  }

  /** Local minus UTC at an instant, in ms (whole seconds: Intl does not show fractions). */
  offsetMs(instant: number): number {
    const match = FORMATTED.exec(this.format(instant));
    if (!match) throw new Error(`Unexpected Intl output for ${this.name}`);
    const [month, day, year, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
    const wholeSecond = instant - (((instant % SECOND_MS) + SECOND_MS) % SECOND_MS);
    return Date.UTC(year, month - 1, day, hour % 24, minute, second) - wholeSecond;
  }

  toLocal(instant: number): number {
    return instant + this.offsetMs(instant);
  }

  /**
   * The instant a wall-clock time denotes, disambiguated like Temporal's "compatible" mode:
   * a repeated time (fall back) is its earlier occurrence, a skipped time (spring forward) is
   * shifted forward by the length of the gap. Deterministic, unlike luxon's fromObject, whose
   * first guess is the offset at the current clock time.
   */
  toInstant(local: number): number {
    const before = this.offsetMs(local - DAY_MS);
    const after = this.offsetMs(local + DAY_MS);
    if (before === after) return local - before;
    const early = local - before;
    const late = local - after;
    const earlyValid = this.offsetMs(early) === before;
    const lateValid = this.offsetMs(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (lateValid && !earlyValid) return late;
    return early; // valid, or skipped: the pre-transition offset moves it forward by the gap
  }
}
