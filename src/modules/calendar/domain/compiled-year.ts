import type { DaySchedule } from "./day-schedule.ts";
import type { IntervalYear } from "./interval-year.ts";
import { IntervalYearBuilder, intervalYearBytes } from "./interval-year.ts";
import { DAY_MS, firstDayOfYear, MINUTE_MS } from "./local-time.ts";
import type { TimeZone } from "./time-zone.ts";

/** Everything the query paths need about one local year, compiled once and cached. */
export interface CompiledYear {
  /** open intervals of the BUSINESS_HOURS clock */
  readonly business: IntervalYear;
  /** whole working days [00:00, next 00:00) of the WORKING_DAYS clock */
  readonly workingDays: IntervalYear;
  /** the working days as ascending epoch days, for "N working days later" */
  readonly workingDayNumbers: Int32Array;
  readonly bytes: number;
}

export function compileYear(schedule: DaySchedule, zone: TimeZone, year: number): CompiledYear {
  const endDay = firstDayOfYear(year + 1);
  let day = firstDayOfYear(year);
  let dayStart = zone.toInstant(day * DAY_MS);
  const yearEnd = zone.toInstant(endDay * DAY_MS);
  const business = new IntervalYearBuilder(dayStart, yearEnd);
  const workingDays = new IntervalYearBuilder(dayStart, yearEnd);
  const workingDayNumbers: number[] = [];
  for (; day < endDay; day++) {
    const nextDayStart = zone.toInstant((day + 1) * DAY_MS);
    const intervals = schedule.intervalsOn(day);
    if (intervals.length > 0) {
      workingDayNumbers.push(day);
      workingDays.add(dayStart, nextDayStart);
      const regular = nextDayStart - dayStart === DAY_MS;
      const instantOf = (minutes: number) =>
        Math.min(nextDayStart, Math.max(dayStart, regular ? dayStart + minutes * MINUTE_MS : zone.toInstant(day * DAY_MS + minutes * MINUTE_MS)));
      const instants = intervals.map(({ start, end }) => ({ start: instantOf(start), end: instantOf(end) }));
      // on a DST day a skipped wall time moves forward by the gap, which can reorder intervals
      if (!regular) instants.sort((a, b) => a.start - b.start);
      for (const { start, end } of instants) business.add(start, end);
    }
    dayStart = nextDayStart;
  }
  const compiled = { business: business.build(), workingDays: workingDays.build(), workingDayNumbers: Int32Array.from(workingDayNumbers) };
  return { ...compiled, bytes: intervalYearBytes(compiled.business) + intervalYearBytes(compiled.workingDays) + compiled.workingDayNumbers.byteLength };
}
