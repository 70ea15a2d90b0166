export { BusinessCalendar, compileCalendar, MAX_SPAN_DAYS } from "./business-calendar.ts";
export type { CalendarHoliday, HolidaySource } from "./day-schedule.ts";
export { validateCalendarDefinition, WEEKDAYS } from "./definition.ts";
export type {
  CalendarDefinition,
  ClockMode,
  DateExceptionInput,
  DurationUnit,
  HolidayInput,
  TimeIntervalInput,
  Weekday,
  WeeklyIntervalInput,
} from "./definition.ts";
export type { OpenInterval } from "./timeline.ts";
export * from "./ical.ts";
export * from "./local-time.ts";
