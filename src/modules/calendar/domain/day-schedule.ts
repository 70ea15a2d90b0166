import type { CalendarDefinition } from "./definition.ts";
import { WEEKDAYS } from "./definition.ts";
import type { LocalInterval } from "./local-time.ts";
import { formatLocalDate, mergeLocalIntervals, parseLocalDate, parseLocalTime, weekdayOf, yearOfDay } from "./local-time.ts";
import { publicHolidays } from "./public-holidays.ts";

export type HolidaySource = "EXPLICIT" | "EXCEPTION" | `REGION:${string}`;

export interface CalendarHoliday {
  date: string;
  name: string;
  source: HolidaySource;
}

interface DatedHoliday {
  day: number;
  name: string;
  source: HolidaySource;
}

const CLOSED: readonly LocalInterval[] = [];

/**
 * The local opening hours of any date of a validated definition. Precedence: an exception beats
 * everything (with intervals it opens even a holiday), then a holiday closes the day, then the
 * weekly hours apply.
 */
export class DaySchedule {
  /** the last date that can have opening hours: +Infinity with weekly hours, -Infinity if none */
  readonly lastOpenDay: number;
  private readonly weekly: LocalInterval[][];
  private readonly exceptions = new Map<number, readonly LocalInterval[]>();
  private readonly explicit = new Map<number, DatedHoliday>();
  private readonly regions: readonly string[];
  private readonly regionYears = new Map<number, Map<number, DatedHoliday[]>>();

  constructor(definition: CalendarDefinition) {
    this.weekly = WEEKDAYS.map((weekday) => mergeLocalIntervals(definition.weeklyHours.filter((interval) => interval.day === weekday).map(toLocalInterval)));
    for (const exception of definition.exceptions ?? []) {
      this.exceptions.set(toDay(exception.date), mergeLocalIntervals(exception.intervals.map(toLocalInterval)));
    }
    for (const holiday of definition.holidays ?? []) {
      const day = toDay(holiday.date);
      this.explicit.set(day, { day, name: holiday.name ?? "Holiday", source: "EXPLICIT" });
    }
    this.regions = definition.holidayRegions ?? [];
    this.lastOpenDay = this.weekly.some((intervals) => intervals.length > 0)
      ? Infinity
      : Math.max(-Infinity, ...[...this.exceptions].filter(([, intervals]) => intervals.length > 0).map(([day]) => day));
  }

  intervalsOn(day: number): readonly LocalInterval[] {
    return this.exceptions.get(day) ?? (this.isHoliday(day) ? CLOSED : (this.weekly[weekdayOf(day)] ?? CLOSED));
  }

  /** Explicit, regional and closed-all-day exception dates in [fromDay, toDay], by date then source. */
  holidaysBetween(fromDay: number, toDay: number): CalendarHoliday[] {
    const inRange = ({ day }: DatedHoliday) => day >= fromDay && day <= toDay;
    const closures: DatedHoliday[] = [...this.exceptions]
      .filter(([, intervals]) => intervals.length === 0)
      .map(([day]) => ({ day, name: "Closed", source: "EXCEPTION" }));
    const regional: DatedHoliday[] = [];
    for (let year = yearOfDay(fromDay); year <= yearOfDay(toDay); year++) {
      for (const entries of this.regionHolidays(year).values()) regional.push(...entries);
    }
    return [...this.explicit.values(), ...regional, ...closures]
      .filter((holiday) => inRange(holiday) && !this.opensByException(holiday.day))
      .sort((a, b) => a.day - b.day || a.source.localeCompare(b.source))
      .map(({ day, name, source }) => ({ date: formatLocalDate(day), name, source }));
  }

  private isHoliday(day: number): boolean {
    return this.explicit.has(day) || this.regionHolidays(yearOfDay(day)).has(day);
  }

  private opensByException(day: number): boolean {
    return (this.exceptions.get(day)?.length ?? 0) > 0;
  }

  private regionHolidays(year: number): Map<number, DatedHoliday[]> {
    let byDay = this.regionYears.get(year);
    if (!byDay) {
      byDay = new Map();
      for (const region of this.regions) {
        for (const { day, name } of publicHolidays(region, year)) {
          byDay.set(day, [...(byDay.get(day) ?? []), { day, name, source: `REGION:${region}` }]);
        }
      }
      this.regionYears.set(year, byDay);
    }
    return byDay;
  }
}

function toLocalInterval(interval: { start: string; end: string }): LocalInterval {
  return { start: parseLocalTime(interval.start, false) ?? 0, end: parseLocalTime(interval.end, true) ?? 0 };
}

function toDay(date: string): number {
  return parseLocalDate(date) ?? Number.NaN;
}
