import Holidays from "date-holidays";
import { DateTime } from "luxon";
import type { CalendarDefinition, ClockMode } from "../../../../src/modules/calendar/domain/index.ts";

const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
const MINUTE = 60_000;
const BLOCK = 15 * MINUTE;

interface LocalMinute {
  date: string;
  year: number;
  weekday: number;
  minute: number;
}
const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The obvious, slow reading of a definition: a minute is open when the wall clock at its start
 * lies inside one of that local date's intervals. Steps minute by minute; instants must be whole
 * minutes. Agrees with the engine except for interval bounds strictly inside a skipped or
 * repeated DST hour, where wall-clock membership and instant-based intervals differ by design.
 * luxon is asked once per 15 UTC minutes (offsets and local midnights of real zones fall on
 * quarter hours), which keeps it fast enough for property runs.
 */
export class NaiveCalendar {
  private readonly holidayDates = new Map<number, Set<string>>();
  private readonly blocks = new Map<number, LocalMinute>();

  constructor(
    private readonly definition: CalendarDefinition,
    private readonly maxSteps = 400_000,
  ) {}

  isOpen(t: number): boolean {
    const local = this.local(t);
    return this.intervalsOn(local).some((interval) => toMinutes(interval.start) <= local.minute && local.minute < toMinutes(interval.end));
  }

  isWorkingDay(t: number): boolean {
    return this.intervalsOn(this.local(t)).length > 0;
  }

  /** Minute-stepping add; null when it would take more than maxSteps minutes. */
  add(from: number, minutes: number, clock: Exclude<ClockMode, "CALENDAR"> = "BUSINESS_HOURS"): number | null {
    const counts = (t: number) => (clock === "BUSINESS_HOURS" ? this.isOpen(t) : this.isWorkingDay(t));
    let t = from;
    let remaining = minutes;
    for (let step = 0; step < this.maxSteps; step++) {
      if (remaining === 0 && counts(t)) return t;
      if (counts(t)) {
        remaining--;
        if (remaining === 0) return t + MINUTE;
      }
      t += MINUTE;
    }
    return null;
  }

  businessMinutesBetween(from: number, to: number): number {
    if (to < from) return 0 - this.businessMinutesBetween(to, from);
    let count = 0;
    for (let t = from; t < to; t += MINUTE) if (this.isOpen(t)) count++;
    return count;
  }

  private local(t: number): LocalMinute {
    const blockStart = Math.floor(t / BLOCK) * BLOCK;
    let block = this.blocks.get(blockStart);
    if (!block) {
      const local = DateTime.fromMillis(blockStart, { zone: this.definition.timeZone });
      block = { date: local.toISODate() ?? "", year: local.year, weekday: local.weekday, minute: local.hour * 60 + local.minute };
      this.blocks.set(blockStart, block);
    }
    return { ...block, minute: block.minute + (t - blockStart) / MINUTE };
  }

  private intervalsOn(local: LocalMinute): { start: string; end: string }[] {
    const exception = this.definition.exceptions?.find((candidate) => candidate.date === local.date);
    if (exception) return exception.intervals;
    if (this.holidays(local.year).has(local.date)) return [];
    return this.definition.weeklyHours.filter((interval) => interval.day === WEEKDAYS[local.weekday - 1]);
  }

  private holidays(year: number): Set<string> {
    let dates = this.holidayDates.get(year);
    if (!dates) {
      dates = new Set((this.definition.holidays ?? []).map((holiday) => holiday.date));
      for (const region of this.definition.holidayRegions ?? []) {
        const [country = "", state] = region.split("-");
        const generator = state ? new Holidays(country, state) : new Holidays(country);
        for (const holiday of generator.getHolidays(year)) if (holiday.type === "public") dates.add(holiday.date.slice(0, 10));
      }
      this.holidayDates.set(year, dates);
    }
    return dates;
  }
}
