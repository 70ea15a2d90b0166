import type { CalendarDefinition, Weekday } from "../../modules/calendar/domain/index.ts";

const MONDAY_TO_FRIDAY: Weekday[] = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"];
const EVERY_DAY: Weekday[] = [...MONDAY_TO_FRIDAY, "SATURDAY", "SUNDAY"];

function hours(days: Weekday[], start: string, end: string): CalendarDefinition["weeklyHours"] {
  return days.map((day) => ({ day, start, end }));
}

/** 000 premium support: Mon–Thu 09–12 and 13–16, Fri 09–12, CET, not on (German) public holidays. */
export const premiumBerlin: CalendarDefinition = {
  name: "Premium support hours",
  timeZone: "Europe/Berlin",
  weeklyHours: [
    ...hours(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"], "09:00", "12:00"),
    ...hours(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"], "13:00", "16:00"),
    { day: "FRIDAY", start: "09:00", end: "12:00" },
  ],
  holidayRegions: ["DE"],
};

/** 001 installation support: Mon–Fri 07:00–18:00 CET. */
export const installationCet: CalendarDefinition = {
  name: "Installation support hours",
  timeZone: "Europe/Berlin",
  weeklyHours: hours(MONDAY_TO_FRIDAY, "07:00", "18:00"),
};

/** 001 hotline: usually Mon–Fri 07:00–20:00 CET. */
export const hotlineCet: CalendarDefinition = {
  name: "Hotline hours",
  timeZone: "Europe/Berlin",
  weeklyHours: hours(MONDAY_TO_FRIDAY, "07:00", "20:00"),
};

/** 002 paid support levels: working hours Mon–Fri 09:00–17:00. */
export const paidLevels: CalendarDefinition = {
  name: "Paid support levels",
  timeZone: "Europe/Berlin",
  weeklyHours: hours(MONDAY_TO_FRIDAY, "09:00", "17:00"),
};

/** 004 chat and phone: Mon–Fri 09:00–18:00 CET. */
export const chatPhoneCet: CalendarDefinition = {
  name: "Chat and phone hours",
  timeZone: "Europe/Berlin",
  weeklyHours: hours(MONDAY_TO_FRIDAY, "09:00", "18:00"),
};

/** 004 ticket channel: 24/7. */
export const ticket247: CalendarDefinition = {
  name: "Ticket 24/7",
  timeZone: "Europe/Berlin",
  weeklyHours: hours(EVERY_DAY, "00:00", "24:00"),
};

/** 003 item support: calendar hours, 24/7. */
export const itemCalendar: CalendarDefinition = {
  name: "Item support (calendar hours)",
  timeZone: "UTC",
  weeklyHours: hours(EVERY_DAY, "00:00", "24:00"),
};
