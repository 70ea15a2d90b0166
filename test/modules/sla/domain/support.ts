import type { BusinessCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import type { SlaClock, SlaClockHistory, SlaTarget } from "../../../../src/modules/sla/domain/index.ts";
import { paidLevels, premiumBerlin, ticket247 } from "../../../fixtures/calendars.ts";
import { at, show } from "../../calendar/domain/support.ts";

export { at, expectDomainError, expectValidationError } from "../../calendar/domain/support.ts";

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** 002 paid levels: Mon–Fri 09–17 Berlin (the fixture has no holidays; the DE variant adds them). */
export const paid = compileCalendar(paidLevels);
export const paidDE = compileCalendar({ ...paidLevels, name: "Paid levels, German holidays", holidayRegions: ["DE"] });
/** 000 premium: Mon–Thu 09–12 & 13–16, Fri 09–12, German public holidays. */
export const premium = compileCalendar(premiumBerlin);
/** 004 ticket channel: 24/7 Berlin — every day is a working day, DST days have 23 and 25 hours. */
export const allWeek = compileCalendar(ticket247);

export const berlin = (ms: number | null) => show(ms, "Europe/Berlin");

export function target(amount: number, unit: SlaTarget["unit"], clock: SlaTarget["clock"], overrides: Partial<SlaTarget> = {}): SlaTarget {
  return { kind: "FIRST_RESPONSE", amount, unit, clock, guaranteed: true, ...overrides };
}

/** 002 Gold: first response within 4 working hours, guaranteed. */
export const gold = target(4, "HOURS", "BUSINESS_HOURS");
export const silver = target(8, "HOURS", "BUSINESS_HOURS");
export const bronze = target(12, "HOURS", "BUSINESS_HOURS");
/** 000 premium add-on: first response within 24 hours counted on working days. */
export const premium24 = target(24, "HOURS", "WORKING_DAYS");

/** A history from ISO instants: pauses as [from, to | null]. */
export function history(startedAt: string | null, pauses: [string, string | null][] = [], metAt: string | null = null): SlaClockHistory {
  return {
    startedAt: startedAt === null ? null : at(startedAt),
    pauses: pauses.map(([from, to]) => ({ from: at(from), to: to === null ? null : at(to) })),
    metAt: metAt === null ? null : at(metAt),
  };
}

export function slaClock(t: SlaTarget, calendar: BusinessCalendar, h: SlaClockHistory): SlaClock {
  return { target: t, calendar, history: h };
}
