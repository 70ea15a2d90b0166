import { describedValues } from "../../../graphql/enum-values.ts";
import { WEEKDAYS } from "../domain/index.ts";
import { builder } from "../../../graphql/builder.ts";

export const Weekday = builder.enumType("Weekday", { values: describedValues(WEEKDAYS, {
    MONDAY: "Monday, local to the calendar's zone.",
    TUESDAY: "Tuesday, local to the calendar's zone.",
    WEDNESDAY: "Wednesday, local to the calendar's zone.",
    THURSDAY: "Thursday, local to the calendar's zone.",
    FRIDAY: "Friday, local to the calendar's zone.",
    SATURDAY: "Saturday, local to the calendar's zone.",
    SUNDAY: "Sunday, local to the calendar's zone.",
  }) });
export const ClockMode = builder.enumType("ClockMode", {
  values: {
    BUSINESS_HOURS: { description: "Only open intervals count." },
    WORKING_DAYS: { description: "All 24 hours of each working day count; nothing on non-working days." },
    CALENDAR: { description: "Every minute counts." },
  },
});
export const DurationUnit = builder.enumType("DurationUnit", {
  values: {
    MINUTES: { description: "Minutes of the clock mode's time." },
    HOURS: { description: "Hours of the clock mode's time (60 minutes each, also across DST)." },
    DAYS: { description: "With WORKING_DAYS: the same local wall time on the Nth following working day." },
  },
});

export const TimeIntervalInput = builder.inputType("TimeIntervalInput", {
  fields: (t) => ({ start: t.field({ type: "LocalTime" }), end: t.field({ type: "LocalTime" }) }),
});

export const BusinessCalendarInput = builder.inputType("BusinessCalendarInput", {
  fields: (t) => ({
    name: t.string(),
    timeZone: t.string({ description: 'IANA, e.g. "Europe/Berlin".' }),
    weeklyHours: t.field({
      type: [builder.inputType("WeeklyIntervalInput", {
        fields: (w) => ({ day: w.field({ type: Weekday }), start: w.field({ type: "LocalTime" }), end: w.field({ type: "LocalTime" }) }),
      })],
      description: "Several per day allowed.",
    }),
    holidays: t.field({
      type: [builder.inputType("HolidayInput", { fields: (h) => ({ date: h.field({ type: "Date" }), name: h.string({ required: false }) }) })],
      required: false,
      description: "Explicit closed dates.",
    }),
    holidayRegions: t.stringList({ required: false, description: 'Generated public holidays, e.g. "DE", "DE-BY", "AT", "CH-ZH".' }),
    exceptions: t.field({
      type: [builder.inputType("DateExceptionInput", {
        fields: (e) => ({ date: e.field({ type: "Date" }), intervals: e.field({ type: [TimeIntervalInput] }) }),
      })],
      required: false,
      description: "A date with special hours (an empty list = closed).",
    }),
  }),
});

interface Interval {
  start: string;
  end: string;
}

export const TimeInterval = builder.objectRef<Interval>("TimeInterval").implement({
  fields: (t) => ({ start: t.expose("start", { type: "LocalTime" }), end: t.expose("end", { type: "LocalTime" }) }),
});

export const WeeklyInterval = builder.objectRef<Interval & { day: (typeof WEEKDAYS)[number] }>("WeeklyInterval").implement({
  fields: (t) => ({
    day: t.expose("day", { type: Weekday }),
    start: t.expose("start", { type: "LocalTime" }),
    end: t.expose("end", { type: "LocalTime" }),
  }),
});

export const DateException = builder.objectRef<{ date: string; intervals: Interval[] }>("DateException").implement({
  fields: (t) => ({ date: t.expose("date", { type: "Date" }), intervals: t.expose("intervals", { type: [TimeInterval] }) }),
});

export const Holiday = builder.objectRef<{ date: string; name?: string | null; source?: string }>("Holiday").implement({
  fields: (t) => ({
    date: t.expose("date", { type: "Date" }),
    name: t.string({ nullable: true, resolve: (holiday) => holiday.name ?? null }),
    source: t.string({
      description: 'EXPLICIT, EXCEPTION (closed all day) or REGION:<code> for generated public holidays.',
      resolve: (holiday) => holiday.source ?? "EXPLICIT",
    }),
  }),
});

export const OpenInterval = builder.objectRef<{ start: number; end: number }>("OpenInterval").implement({
  fields: (t) => ({ start: t.expose("start", { type: "DateTime" }), end: t.expose("end", { type: "DateTime" }) }),
});
