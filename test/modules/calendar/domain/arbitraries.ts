import fc from "fast-check";
import type { CalendarDefinition, TimeIntervalInput } from "../../../../src/modules/calendar/domain/index.ts";
import { WEEKDAYS } from "../../../../src/modules/calendar/domain/index.ts";

export const PROPERTY_RUN = { seed: 42, numRuns: 500 } as const;
export const MINUTE = 60_000;

const pad = (n: number) => String(n).padStart(2, "0");
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/**
 * Half-hour bounds from 00:00 to 24:00, leaving out 01:30 and 02:30: inside the skipped or
 * repeated hour of Berlin and New York the naive wall-clock reading differs by design.
 */
const BOUNDS = Array.from({ length: 49 }, (_, i) => i * 30).filter((minutes) => minutes !== 90 && minutes !== 150);

/** 0–2 disjoint, non-touching intervals of one day. */
const dayIntervals: fc.Arbitrary<TimeIntervalInput[]> = fc.uniqueArray(fc.constantFrom(...BOUNDS), { maxLength: 4 }).map((bounds) => {
  const sorted = [...bounds].sort((a, b) => a - b);
  const intervals: TimeIntervalInput[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
  return intervals;
});

const dateIn2026 = fc
  .integer({ min: 31 + 28 + 1, max: 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 5 })
  .map((dayOfYear) => new Date(Date.UTC(2026, 0, dayOfYear)).toISOString().slice(0, 10));

/** Random definitions in zones with DST (both directions), a half-hour zone and UTC. */
export const calendarDefinition: fc.Arbitrary<CalendarDefinition> = fc
  .record({
    timeZone: fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"),
    week: fc.array(dayIntervals, { minLength: 7, maxLength: 7 }),
    holidayDates: fc.uniqueArray(dateIn2026, { maxLength: 6 }),
    holidayRegions: fc.constantFrom<string[]>([], ["DE"], ["DE-BY"], ["US"]),
    exceptions: fc.uniqueArray(fc.record({ date: dateIn2026, intervals: dayIntervals }), { maxLength: 6, selector: (exception) => exception.date }),
  })
  .filter(({ week }) => week.some((intervals) => intervals.length > 0))
  .map(({ timeZone, week, holidayDates, holidayRegions, exceptions }) => ({
    name: "Random",
    timeZone,
    weeklyHours: week.flatMap((intervals, day) => intervals.map((interval) => ({ day: WEEKDAYS[day]!, ...interval }))),
    holidays: holidayDates.map((date) => ({ date })),
    holidayRegions,
    exceptions,
  }));

const anyMinute = fc.integer({ min: Date.UTC(2026, 1, 25) / MINUTE, max: Date.UTC(2026, 10, 5) / MINUTE }).map((minute) => minute * MINUTE);
const DST_SWITCHES = ["2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01"].map((date) => Date.parse(`${date}T00:00:00Z`));
const nearDstSwitch = fc.tuple(fc.constantFrom(...DST_SWITCHES), fc.integer({ min: -2 * 1440, max: 1440 })).map(([day, minutes]) => day + minutes * MINUTE);

/** Whole minutes from late February to early November 2026, half of them within two days of a DST switch. */
export const minuteIn2026 = fc.oneof(anyMinute, nearDstSwitch);

/** Instants with seconds over 2026–2027. */
export const instant2026To2027 = fc.integer({ min: Date.UTC(2026, 0, 1) / 1000, max: Date.UTC(2028, 0, 1) / 1000 }).map((second) => second * 1000);
