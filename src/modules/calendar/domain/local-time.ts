/**
 * Local (wall-clock) dates and times as plain numbers: a date is an epoch day number
 * (days since 1970-01-01), a time of day is minutes since midnight (1440 = `24:00`).
 */

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Supported local dates: 1900-01-01 .. 2200-12-31. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

export const MINUTES_PER_DAY = 1440;

export interface LocalInterval {
  /** minutes since local midnight */
  readonly start: number;
  /** minutes since local midnight, up to 1440 */
  readonly end: number;
}

const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `HH:mm` (00:00–23:59) → minutes; `24:00` only when `allowEndOfDay`; otherwise null. */
export function parseLocalTime(text: unknown, allowEndOfDay: boolean): number | null {
  if (typeof text !== "string") return null;
  const match = TIME.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0) return allowEndOfDay ? MINUTES_PER_DAY : null;
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : null;
}

/** `YYYY-MM-DD` of a real calendar date within the supported years → epoch day; otherwise null. */
export function parseLocalDate(text: unknown): number | null {
  if (typeof text !== "string") return null;
  const match = DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const epochDay = Date.UTC(year, month - 1, day) / DAY_MS;
  return formatLocalDate(epochDay) === text ? epochDay : null;
}

export function formatLocalDate(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

export function yearOfDay(epochDay: number): number {
  return new Date(epochDay * DAY_MS).getUTCFullYear();
}

/** Sorted, with overlapping and touching intervals merged (12:00–13:00 + 13:00–14:00 = 12:00–14:00). */
export function mergeLocalIntervals(intervals: readonly LocalInterval[]): LocalInterval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: LocalInterval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, next.end) };
    else merged.push(next);
  }
  return merged;
}
