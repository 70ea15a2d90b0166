import { DomainError, ValidationError } from "../../../domain/errors.ts";
import type { CompiledYear } from "./compiled-year.ts";
import { compileYear } from "./compiled-year.ts";
import type { CalendarHoliday } from "./day-schedule.ts";
import { DaySchedule } from "./day-schedule.ts";
import type { CalendarDefinition, ClockMode, DurationUnit } from "./definition.ts";
import { validateCalendarDefinition } from "./definition.ts";
import { countAtOrBelow } from "./interval-year.ts";
import { DAY_MS, HOUR_MS, MAX_YEAR, MIN_YEAR, MINUTE_MS, parseLocalDate, yearOfDay } from "./local-time.ts";
import type { OpenInterval } from "./timeline.ts";
import { Timeline } from "./timeline.ts";
import { TimeZone } from "./time-zone.ts";
import { YearIndex } from "./year-index.ts";

/** Amounts and spans are limited to ten years of (business) time. */
export const MAX_SPAN_DAYS = 3660;
const MAX_SPAN_MS = MAX_SPAN_DAYS * DAY_MS;
const UNIT_MS: Record<Exclude<DurationUnit, "DAYS">, number> = { MINUTES: MINUTE_MS, HOURS: HOUR_MS };

/** Validates a definition and returns its evaluator; years are compiled lazily on first use. */
export function compileCalendar(definition: CalendarDefinition): BusinessCalendar {
  return new BusinessCalendar(definition);
}

/**
 * Evaluates a business calendar. Instants are epoch milliseconds within local 1900-01-01 ..
 * 2200-12-31 of the calendar's zone; results are exact to the millisecond. Intervals are
 * half-open: open at 09:00, closed at 12:00 for 09:00–12:00.
 */
export class BusinessCalendar {
  /** the validated, normalised definition */
  readonly definition: CalendarDefinition;
  readonly timeZone: string;
  private readonly zone: TimeZone;
  private readonly schedule: DaySchedule;
  private readonly years: YearIndex;
  private readonly compiled: (CompiledYear | undefined)[] = [];
  private readonly business: Timeline;
  private readonly working: Timeline;
  /** the last year with any opening; the clocks stop for good after it */
  private readonly lastYear: number;
  private readonly firstInstant: number;
  private readonly endInstant: number;

  /** Throws a ValidationError naming the field when the definition is invalid. */
  constructor(input: CalendarDefinition) {
    const definition = validateCalendarDefinition(input);
    this.definition = definition;
    this.timeZone = definition.timeZone;
    this.zone = new TimeZone(definition.timeZone);
    this.schedule = new DaySchedule(definition);
    this.years = new YearIndex(this.zone);
    this.firstInstant = this.years.first;
    this.endInstant = this.years.end;
    const lastOpenDay = this.schedule.lastOpenDay;
    this.lastYear = lastOpenDay === Infinity ? MAX_YEAR : lastOpenDay === -Infinity ? MIN_YEAR - 1 : yearOfDay(lastOpenDay);
    this.business = new Timeline(this.years, (year) => this.year(year).business, this.lastYear);
    this.working = new Timeline(this.years, (year) => this.year(year).workingDays, this.lastYear);
  }

  isOpen(at: number): boolean {
    return this.business.isOpen(this.instant("at", at));
  }

  /** `after` itself when open at that instant, else the start of the next opening; null if none. */
  nextOpening(after: number): number | null {
    return this.business.nextOpening(this.instant("after", after));
  }

  /** BUSINESS_HOURS clock: 0 minutes gives `from` when open, else the next opening. */
  addBusinessMinutes(from: number, minutes: number): number {
    return this.advance("minutes", this.instant("from", from), this.span("minutes", minutes * MINUTE_MS), "BUSINESS_HOURS");
  }

  /**
   * MINUTES and HOURS count open time of the clock (BUSINESS_HOURS: open intervals, WORKING_DAYS:
   * all 24 hours of working days, CALENDAR: all time). DAYS is calendar days at the same wall
   * time for CALENDAR; for the other clocks it is the same local wall time on the Nth following
   * working day, counted from the first moment the clock runs (the next opening for
   * BUSINESS_HOURS; for WORKING_DAYS `from` itself on a working day, else 00:00 of the next one).
   */
  add(from: number, amount: number, unit: DurationUnit, clock: ClockMode): number {
    const start = this.instant("from", from);
    if (unit !== "DAYS") return this.advance("amount", start, this.span("amount", amount * UNIT_MS[unit]), clock);
    if (!Number.isInteger(amount)) throw new ValidationError("amount", "amount must be a whole number of days");
    this.span("amount", amount * DAY_MS);
    return clock === "CALENDAR" ? this.zone.toInstant(this.zone.toLocal(start) + amount * DAY_MS) : this.addWorkingDays(start, amount, clock);
  }

  /**
   * "By the end of the Nth day" (N ≥ 1; 1 = the same day): the instant the clock's time ends on
   * the Nth day it runs, the day it starts on being the first (that day is found as by
   * add(from, N − 1, DAYS, clock)). BUSINESS_HOURS: that day's last closing (18:00 for 07–18,
   * 16:00 for 09–12 and 13–16); WORKING_DAYS and CALENDAR: the local midnight that ends it.
   */
  endOfDay(from: number, days: number, clock: ClockMode): number {
    if (!Number.isInteger(days) || days < 1) throw new ValidationError("amount", "amount must be a whole number of days from 1");
    const day = Math.floor(this.zone.toLocal(this.add(from, days - 1, "DAYS", clock)) / DAY_MS);
    const midnight = this.zone.toInstant((day + 1) * DAY_MS);
    if (clock !== "BUSINESS_HOURS") return midnight;
    const openings = this.business.openings(this.zone.toInstant(day * DAY_MS), midnight);
    return openings[openings.length - 1]!.end;
  }

  /** The core primitive under every add: `ms` of open time of the clock after `from`. */
  addMillis(from: number, ms: number, clock: ClockMode): number {
    return this.advance("amount", this.instant("from", from), this.span("amount", ms), clock);
  }

  /** Open time of the clock between two instants in ms; negative when to < from. */
  elapsed(from: number, to: number, clock: ClockMode): number {
    const [a, b] = [this.instant("from", from), this.instant("to", to)];
    return clock === "CALENDAR" ? b - a : this.timeline(clock).elapsed(a, b);
  }

  businessMillisBetween(from: number, to: number): number {
    return this.elapsed(from, to, "BUSINESS_HOURS");
  }

  /** Whole business minutes, truncated toward zero; negative when to < from. */
  businessMinutesBetween(from: number, to: number): number {
    return Math.trunc(this.businessMillisBetween(from, to) / MINUTE_MS) + 0; // + 0 turns -0 into 0
  }

  /** Open intervals clipped to [from, to]; adjacent ones (24/7 across midnight) merged. */
  openingsBetween(from: number, to: number): OpenInterval[] {
    const [a, b] = [this.instant("from", from), this.instant("to", to)];
    if (b - a > MAX_SPAN_MS) throw new ValidationError("to", `to must be at most ${MAX_SPAN_DAYS} days after from`);
    return b > a ? this.business.openings(a, b) : [];
  }

  /** Explicit holidays, public holidays of the regions and closed-all-day exceptions, both dates inclusive. */
  holidays(fromDate: string, toDate: string): CalendarHoliday[] {
    return this.schedule.holidaysBetween(this.date("fromDate", fromDate), this.date("toDate", toDate));
  }

  /** A working day has at least one opening interval after holidays and exceptions applied. */
  isWorkingDay(date: string): boolean {
    const day = this.date("date", date);
    const days = this.year(yearOfDay(day)).workingDayNumbers;
    return days[countAtOrBelow(days, day) - 1] === day;
  }

  /** Working days in [fromDate, toDate); negative when toDate < fromDate. */
  workingDaysBetween(fromDate: string, toDate: string): number {
    const [from, to] = [this.date("fromDate", fromDate), this.date("toDate", toDate)];
    if (to < from) return 0 - this.workingDaysBetween(toDate, fromDate);
    let count = 0;
    for (let year = yearOfDay(from); year <= Math.min(yearOfDay(to), this.lastYear); year++) {
      const days = this.year(year).workingDayNumbers;
      count += countAtOrBelow(days, to - 1) - countAtOrBelow(days, from - 1);
    }
    return count;
  }

  /** Years compiled so far and the bytes their typed arrays occupy. */
  memoryUsage(): { years: number; bytes: number } {
    const years = this.compiled.filter((year) => year !== undefined);
    return { years: years.length, bytes: years.reduce((sum, year) => sum + year.bytes, 0) };
  }

  private year(year: number): CompiledYear {
    return (this.compiled[year - MIN_YEAR] ??= compileYear(this.schedule, this.zone, year));
  }

  private timeline(clock: Exclude<ClockMode, "CALENDAR">): Timeline {
    return clock === "BUSINESS_HOURS" ? this.business : this.working;
  }

  private advance(field: string, from: number, ms: number, clock: ClockMode): number {
    if (clock === "CALENDAR") return from + ms;
    const timeline = this.timeline(clock);
    const result = ms === 0 ? timeline.nextOpening(from) : timeline.advance(from, ms);
    return result ?? this.clockStops(field);
  }

  private addWorkingDays(from: number, days: number, clock: Exclude<ClockMode, "CALENDAR">): number {
    const start = this.timeline(clock).nextOpening(from) ?? this.clockStops("amount");
    if (days === 0) return start;
    const local = this.zone.toLocal(start);
    const startDay = Math.floor(local / DAY_MS);
    const targetDay = this.nthWorkingDayAfter(startDay, days) ?? this.clockStops("amount");
    return this.zone.toInstant(targetDay * DAY_MS + (local - startDay * DAY_MS));
  }

  private nthWorkingDayAfter(day: number, n: number): number | null {
    let year = yearOfDay(day);
    let days = this.year(year).workingDayNumbers;
    let index = countAtOrBelow(days, day) + n - 1;
    while (index >= days.length) {
      index -= days.length;
      if (++year > this.lastYear) return null;
      days = this.year(year).workingDayNumbers;
    }
    return days[index]!;
  }

  private clockStops(field: string): never {
    if (this.lastYear < MAX_YEAR) {
      throw new DomainError("CALENDAR_NEVER_OPENS", `The calendar ${this.definition.name} never opens again`, field);
    }
    throw new ValidationError(field, `${field} reaches beyond 2200-12-31, the end of the supported range`);
  }

  private instant(field: string, t: number): number {
    if (t >= this.firstInstant && t < this.endInstant) return t;
    throw new ValidationError(field, `${field} must be an instant between 1900-01-01 and 2200-12-31 in ${this.timeZone}`);
  }

  private span(field: string, ms: number): number {
    if (ms >= 0 && ms <= MAX_SPAN_MS) return ms;
    throw new ValidationError(
      field,
      Number.isNaN(ms) ? `${field} must be a number` : ms < 0 ? `${field} must not be negative` : `${field} must be at most ten years`,
    );
  }

  private date(field: string, date: string): number {
    const day = parseLocalDate(date);
    if (day === null) throw new ValidationError(field, `${field} must be a date YYYY-MM-DD between 1900-01-01 and 2200-12-31`);
    return day;
  }
}
