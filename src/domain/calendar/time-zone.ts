import { IANAZone } from "luxon";
import { DAY_MS, MINUTE_MS } from "./local-time.ts";

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * Conversions between instants (epoch ms) and local wall-clock time ("local ms": the wall clock
 * read as if it were UTC) in one IANA zone. Only luxon's offset lookup is used, never its clock.
 */
export class TimeZone {
  private readonly zone: IANAZone;

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
    this.zone = IANAZone.create(name);
  }

  offsetMs(instant: number): number {
    return Math.round(this.zone.offset(instant) * MINUTE_MS);
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
