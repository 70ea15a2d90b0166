import { describedValues } from "../../../graphql/enum-values.ts";
import { WEEKDAYS } from "../domain/index.ts";
import { builder } from "../../../graphql/builder.ts";

export const Weekday = builder.enumType("Weekday", {
  description: "A day of the week, as the calendar's own time zone sees it.",
  values: describedValues(WEEKDAYS, {
    MONDAY: "Monday, local to the calendar's zone.",
    TUESDAY: "Tuesday, local to the calendar's zone.",
    WEDNESDAY: "Wednesday, local to the calendar's zone.",
    THURSDAY: "Thursday, local to the calendar's zone.",
    FRIDAY: "Friday, local to the calendar's zone.",
    SATURDAY: "Saturday, local to the calendar's zone.",
    SUNDAY: "Sunday, local to the calendar's zone.",
  }),
});
export const ClockMode = builder.enumType("ClockMode", {
  description: "Which time a target's clock counts in its calendar.",
  values: {
    BUSINESS_HOURS: { description: "Only open intervals count." },
    WORKING_DAYS: { description: "All 24 hours of each working day count; nothing on non-working days." },
    CALENDAR: { description: "Every minute counts." },
  },
});
export const DurationUnit = builder.enumType("DurationUnit", {
  description: "The unit a target's amount is given in, counted in its clock mode.",
  values: {
    MINUTES: { description: "Minutes of the clock mode's time." },
    HOURS: { description: "Hours of the clock mode's time (60 minutes each, also across DST)." },
    DAYS: { description: "With WORKING_DAYS: the same local wall time on the Nth following working day." },
  },
});

const START = "Local opening time, HH:mm from 00:00 to 23:59; the opening instant counts as open.";
const END = "Local closing time, HH:mm up to 24:00 (end of day), later than start; the closing instant is closed.";

export const TimeIntervalInput = builder.inputType("TimeIntervalInput", {
  description: "One opening interval of a date exception, local to the calendar's zone; intervals of a date must not overlap.",
  fields: (t) => ({ start: t.field({ type: "LocalTime", description: START }), end: t.field({ type: "LocalTime", description: END }) }),
});

export const BusinessCalendarInput = builder.inputType("BusinessCalendarInput", {
  description: "A whole calendar definition: zone, weekly hours, holidays and exceptions; checked before anything is stored or evaluated.",
  fields: (t) => ({
    name: t.string({ description: "A name for people, 1–200 characters after trimming, e.g. Premium support." }),
    timeZone: t.string({ description: 'IANA, e.g. "Europe/Berlin".' }),
    weeklyHours: t.field({
      type: [
        builder.inputType("WeeklyIntervalInput", {
          description: "One opening interval on a weekday, repeating every week; intervals of one day must not overlap.",
          fields: (w) => ({
            day: w.field({ type: Weekday, description: "The weekday it opens on, in the calendar's zone." }),
            start: w.field({ type: "LocalTime", description: START }),
            end: w.field({ type: "LocalTime", description: END }),
          }),
        }),
      ],
      description: "Several per day allowed.",
    }),
    holidays: t.field({
      type: [
        builder.inputType("HolidayInput", {
          description: "A local date the calendar is closed all day.",
          fields: (h) => ({
            date: h.field({ type: "Date", description: "The closed date, 1900-01-01 to 2200-12-31; each date at most once." }),
            name: h.string({ required: false, description: "What it is called, e.g. Company outing; at most 200 characters." }),
          }),
        }),
      ],
      required: false,
      description: "Explicit closed dates.",
    }),
    holidayRegions: t.stringList({ required: false, description: 'Generated public holidays, e.g. "DE", "DE-BY", "AT", "CH-ZH".' }),
    exceptions: t.field({
      type: [
        builder.inputType("DateExceptionInput", {
          description: "A local date whose hours replace the weekly hours of its weekday.",
          fields: (e) => ({
            date: e.field({ type: "Date", description: "The date, 1900-01-01 to 2200-12-31; each date at most once." }),
            intervals: e.field({ type: [TimeIntervalInput], description: "The hours that day; an empty list closes it all day." }),
          }),
        }),
      ],
      required: false,
      description: "A date with special hours (an empty list = closed).",
    }),
  }),
});

interface Interval {
  start: string;
  end: string;
}

const OPENS = "Local opening time, HH:mm; open from this instant.";
const CLOSES = "Local closing time, HH:mm, 24:00 for the end of the day; closed from this instant.";

export const TimeInterval = builder.objectRef<Interval>("TimeInterval").implement({
  description: "One opening interval of a date exception, in the calendar's zone.",
  fields: (t) => ({ start: t.expose("start", { type: "LocalTime", description: OPENS }), end: t.expose("end", { type: "LocalTime", description: CLOSES }) }),
});

export const WeeklyInterval = builder.objectRef<Interval & { day: (typeof WEEKDAYS)[number] }>("WeeklyInterval").implement({
  description: "One opening interval repeating every week on a weekday, in the calendar's zone (09:00 stays 09:00 across DST).",
  fields: (t) => ({
    day: t.expose("day", { type: Weekday, description: "The weekday it opens on." }),
    start: t.expose("start", { type: "LocalTime", description: OPENS }),
    end: t.expose("end", { type: "LocalTime", description: CLOSES }),
  }),
});

export const DateException = builder.objectRef<{ date: string; intervals: Interval[] }>("DateException").implement({
  description: "A local date whose hours replace the weekly hours of its weekday.",
  fields: (t) => ({
    date: t.expose("date", { type: "Date", description: "The local date it applies to." }),
    intervals: t.expose("intervals", { type: [TimeInterval], description: "The hours that day, in order; empty means closed all day." }),
  }),
});

export const Holiday = builder.objectRef<{ date: string; name?: string | null; source?: string }>("Holiday").implement({
  description: "A local date the calendar is closed all day: named explicitly, a region's public holiday, or a closed exception.",
  fields: (t) => ({
    date: t.expose("date", { type: "Date", description: "The closed local date." }),
    name: t.string({
      nullable: true,
      description: "Its name, e.g. Tag der Deutschen Einheit; null when an explicit holiday was given none.",
      resolve: (holiday) => holiday.name ?? null,
    }),
    source: t.string({
      description: "EXPLICIT, EXCEPTION (closed all day) or REGION:<code> for generated public holidays.",
      resolve: (holiday) => holiday.source ?? "EXPLICIT",
    }),
  }),
});

export const OpenInterval = builder.objectRef<{ start: number; end: number }>("OpenInterval").implement({
  description: "A span of open time [start, end) as instants; adjacent openings (24/7 across midnight) come merged into one.",
  fields: (t) => ({
    start: t.expose("start", { type: "DateTime", description: "The first open instant (or the asked span's start when it falls inside)." }),
    end: t.expose("end", { type: "DateTime", description: "The first closed instant after start (or the asked span's end)." }),
  }),
});
