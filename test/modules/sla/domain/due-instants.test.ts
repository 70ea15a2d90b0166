import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import type { SlaTarget } from "../../../../src/modules/sla/domain/index.ts";
import { slaAlertSchedule, slaClockStatus, slaReportOutcome } from "../../../../src/modules/sla/domain/index.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { installationCet, itemCalendar } from "../../../fixtures/calendars.ts";
import { allWeek, at, berlin, gold, history, HOUR, paid, paidDE, premium, premium24, slaClock, target } from "./support.ts";

const item = compileCalendar(itemCalendar);
const office = compileCalendar(installationCet);
/** 001 premium: "normally the remote session starts the same day" (best effort). */
const sameDay = target(1, "DAYS", "BUSINESS_HOURS", { endOfDay: true, guaranteed: false });
type Pause = [string, string | null];
type Row = [string, SlaTarget, BusinessCalendar, string, Pause[], string];

const day = (date: string, offset: string) => (time: string) => `${date}T${time}:00${offset}`;
const mar2 = day("2026-03-02", "+01:00");

// Every row, at 1 ms before, exactly at and 1 ms after its due instant (DOMAIN.md, "Conventions of
// the clocks"): unmet RUNNING, RUNNING, BREACHED; met there MET, MET, MET_LATE, and the SLA report
// counts it met, met, breached; the BREACHED alert fires at the first breached instant.
describe.each<Row>([
  ["Gold: Friday 16:00 request → Monday 12:00", gold, paid, "2026-03-06T16:00:00+01:00", [], "2026-03-09T12:00:00+01:00"],
  [
    "Gold paused overnight Mon 16:00 → Tue 10:00 (2 business hours)",
    gold,
    paid,
    mar2("15:00"),
    [[mar2("16:00"), "2026-03-03T10:00:00+01:00"]],
    "2026-03-03T13:00:00+01:00",
  ],
  [
    "Gold: a weekend pause costs nothing",
    gold,
    paid,
    "2026-03-06T16:00:00+01:00",
    [["2026-03-07T10:00:00+01:00", "2026-03-08T20:00:00+01:00"]],
    "2026-03-09T12:00:00+01:00",
  ],
  [
    "Gold: three pauses on one morning, one of them empty",
    gold,
    paid,
    mar2("09:00"),
    [
      [mar2("09:30"), mar2("10:00")],
      [mar2("11:00"), mar2("11:15")],
      [mar2("12:00"), mar2("12:00")],
    ],
    mar2("13:45"),
  ],
  ["Gold: a pause from the first instant", gold, paid, mar2("09:00"), [[mar2("09:00"), mar2("10:00")]], mar2("14:00")],
  [
    "Gold over spring forward, paused Fri 16:00 → Mon 09:30",
    gold,
    paid,
    "2026-03-27T15:00:00+01:00",
    [["2026-03-27T16:00:00+01:00", "2026-03-30T09:30:00+02:00"]],
    "2026-03-30T12:30:00+02:00",
  ],
  [
    "Gold over fall back, paused across the switch",
    gold,
    paid,
    "2026-10-23T14:00:00+02:00",
    [["2026-10-24T10:00:00+02:00", "2026-10-25T18:00:00+01:00"]],
    "2026-10-26T10:00:00+01:00",
  ],
  ["Gold over Easter with German holidays", gold, paidDE, "2026-04-02T15:00:00+02:00", [], "2026-04-07T11:00:00+02:00"],
  [
    "Gold over Easter, paused Thu 16:00 → Tue 10:00",
    gold,
    paidDE,
    "2026-04-02T15:00:00+02:00",
    [["2026-04-02T16:00:00+02:00", "2026-04-07T10:00:00+02:00"]],
    "2026-04-07T13:00:00+02:00",
  ],
  ["Gold ignores Easter on the calendar without holidays", gold, paid, "2026-04-02T15:00:00+02:00", [], "2026-04-03T11:00:00+02:00"],
  ["000 premium: 24 h on working days from Christmas Eve 10:00", premium24, premium, "2026-12-24T10:00:00+01:00", [], "2026-12-28T10:00:00+01:00"],
  [
    "000 premium: paused Christmas Eve 12:00 → Monday 08:00 (20 working hours)",
    premium24,
    premium,
    "2026-12-24T10:00:00+01:00",
    [["2026-12-24T12:00:00+01:00", "2026-12-28T08:00:00+01:00"]],
    "2026-12-29T06:00:00+01:00",
  ],
  ["000 hours: 2 business hours over Whit Monday", target(2, "HOURS", "BUSINESS_HOURS"), premium, "2026-05-22T11:00:00+02:00", [], "2026-05-26T10:00:00+02:00"],
  [
    "000 hours: paused over lunch, the weekend and Whit Monday",
    target(2, "HOURS", "BUSINESS_HOURS"),
    premium,
    "2026-05-22T11:00:00+02:00",
    [["2026-05-22T11:30:00+02:00", "2026-05-26T09:15:00+02:00"]],
    "2026-05-26T10:45:00+02:00",
  ],
  [
    "24/7 business hours over spring forward are real hours",
    target(24, "HOURS", "BUSINESS_HOURS"),
    allWeek,
    "2026-03-28T12:00:00+01:00",
    [],
    "2026-03-29T13:00:00+02:00",
  ],
  [
    "CALENDAR clock: 01:00 CEST → 02:00 CET on fall-back night pauses two real hours",
    target(24, "HOURS", "CALENDAR"),
    allWeek,
    "2026-10-24T12:00:00+02:00",
    [["2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+01:00"]],
    "2026-10-25T13:00:00+01:00",
  ],
  [
    "003 item: 48 calendar hours with a 6-hour pause",
    target(48, "HOURS", "CALENDAR", { guaranteed: false }),
    item,
    "2026-03-28T12:00:00Z",
    [["2026-03-29T00:00:00Z", "2026-03-29T06:00:00Z"]],
    "2026-03-30T18:00:00Z",
  ],
  ["1 working day from Christmas Eve", target(1, "DAYS", "WORKING_DAYS"), premium, "2026-12-24T10:00:00+01:00", [], "2026-12-28T10:00:00+01:00"],
  ["2 working days from Christmas Eve", target(2, "DAYS", "WORKING_DAYS"), premium, "2026-12-24T10:00:00+01:00", [], "2026-12-29T10:00:00+01:00"],
  [
    "1 working day from Saturday counts from Monday 00:00",
    target(1, "DAYS", "WORKING_DAYS"),
    premium,
    "2026-03-07T10:00:00+01:00",
    [],
    "2026-03-10T00:00:00+01:00",
  ],
  [
    "1 working day from midnight before Easter: the wall time, not the end of Thursday",
    target(1, "DAYS", "WORKING_DAYS"),
    premium,
    "2026-04-02T00:00:00+02:00",
    [],
    "2026-04-07T00:00:00+02:00",
  ],
  [
    "1 working day, paused 2 working hours",
    target(1, "DAYS", "WORKING_DAYS"),
    premium,
    "2026-04-02T14:00:00+02:00",
    [["2026-04-02T15:00:00+02:00", "2026-04-02T17:00:00+02:00"]],
    "2026-04-07T16:00:00+02:00",
  ],
  [
    "1 working day on 24/7 over spring forward (a 23-hour day)",
    target(1, "DAYS", "WORKING_DAYS"),
    allWeek,
    "2026-03-28T12:00:00+01:00",
    [],
    "2026-03-29T12:00:00+02:00",
  ],
  [
    "1 working day on 24/7 over fall back (a 25-hour day)",
    target(1, "DAYS", "WORKING_DAYS"),
    allWeek,
    "2026-10-24T12:00:00+02:00",
    [],
    "2026-10-25T12:00:00+01:00",
  ],
  [
    "CALENDAR clock: 1 h from 01:30 CEST on fall-back night is due in the first 02:30",
    target(1, "HOURS", "CALENDAR"),
    allWeek,
    "2026-10-25T01:30:00+02:00",
    [],
    "2026-10-25T02:30:00+02:00",
  ],
  [
    "CALENDAR clock: 90 min from 01:30 CEST ends in the repeated hour's second half",
    target(90, "MINUTES", "CALENDAR"),
    allWeek,
    "2026-10-25T01:30:00+02:00",
    [],
    "2026-10-25T02:00:00+01:00",
  ],
  [
    "CALENDAR clock: 1 calendar day over spring forward keeps the wall time (23 h)",
    target(1, "DAYS", "CALENDAR"),
    allWeek,
    "2026-03-28T12:00:00+01:00",
    [],
    "2026-03-29T12:00:00+02:00",
  ],
  [
    "CALENDAR clock: 24 h from Christmas Eve run through the holiday",
    target(24, "HOURS", "CALENDAR"),
    premium,
    "2026-12-24T10:00:00+01:00",
    [],
    "2026-12-25T10:00:00+01:00",
  ],
  [
    "1 DAYS on business hours: Friday 15:00, not the end of Friday's opening",
    target(1, "DAYS", "BUSINESS_HOURS"),
    premium,
    "2026-03-05T15:00:00+01:00",
    [],
    "2026-03-06T15:00:00+01:00",
  ],
  [
    "1 DAYS on business hours, paused 15 business minutes: Monday 09:15",
    target(1, "DAYS", "BUSINESS_HOURS"),
    premium,
    "2026-03-05T15:00:00+01:00",
    [["2026-03-05T15:30:00+01:00", "2026-03-05T15:45:00+01:00"]],
    "2026-03-09T09:15:00+01:00",
  ],
  ["001 same day: Tuesday 10:00 in the office → Tuesday 18:00", sameDay, office, "2026-03-10T10:00:00+01:00", [], "2026-03-10T18:00:00+01:00"],
  ["001 same day, started Monday 07:00 after a weekend request → Monday 18:00", sameDay, office, "2026-03-16T07:00:00+01:00", [], "2026-03-16T18:00:00+01:00"],
  [
    "001 same day, paused an hour: the hour moves to the next day's opening",
    sameDay,
    office,
    "2026-03-10T10:00:00+01:00",
    [["2026-03-10T11:00:00+01:00", "2026-03-10T12:00:00+01:00"]],
    "2026-03-11T08:00:00+01:00",
  ],
  ["001 same day over the spring switch", sameDay, office, "2026-03-30T07:00:00+02:00", [], "2026-03-30T18:00:00+02:00"],
  ["same day with a lunch break: the afternoon's close", sameDay, premium, "2026-03-09T11:00:00+01:00", [], "2026-03-09T16:00:00+01:00"],
])("%s", (_name, slaTarget, calendar, startedAt, pauses, due) => {
  const clock = slaClock(slaTarget, calendar, history(startedAt, pauses));
  const zone = calendar.timeZone;

  const offsets = [-1, 0, 1];

  it(`is due ${due}: RUNNING 1 ms before and at it, BREACHED 1 ms after`, () => {
    const statuses = offsets.map((offset) => slaClockStatus(clock, at(due) + offset));
    expect(statuses.map((s) => ({ state: s.state, dueAt: berlinOr(s.dueAt, zone), breached: s.breached }))).toEqual([
      { state: "RUNNING", dueAt: due, breached: false },
      { state: "RUNNING", dueAt: due, breached: false },
      { state: "BREACHED", dueAt: due, breached: true },
    ]);
    expect(statuses[0]!.remainingMs).toBeGreaterThanOrEqual(0);
    expect(statuses[1]!.remainingMs).toBe(0);
    expect(statuses[1]!.elapsedMs).toBe(statuses[1]!.budgetMs);
  });

  it("a reply 1 ms before and at the due instant is MET, 1 ms after MET_LATE; the report counts it the same", () => {
    const met = offsets.map((offset) => slaClockStatus({ ...clock, history: { ...clock.history, metAt: at(due) + offset } }, at(due) + 60_000));
    expect(met.map((s) => [s.state, s.metLate, slaReportOutcome(s)])).toEqual([
      ["MET", false, "MET"],
      ["MET", false, "MET"],
      ["MET_LATE", true, "BREACHED"],
    ]);
  });

  it("raises its BREACHED alert 1 ms after the due instant", () => {
    expect(slaAlertSchedule(clock).at(-1)).toEqual({ kind: "BREACHED", threshold: 1, at: at(due) + 1 });
  });
});

describe("DAYS budgets are the clock time up to the wall-time due", () => {
  it.each<[string, SlaTarget, BusinessCalendar, string, number]>([
    ["1 working day from Christmas Eve", target(1, "DAYS", "WORKING_DAYS"), premium, "2026-12-24T10:00:00+01:00", 24 * HOUR],
    ["a 23-hour day", target(1, "DAYS", "WORKING_DAYS"), allWeek, "2026-03-28T12:00:00+01:00", 23 * HOUR],
    ["a 25-hour day", target(1, "DAYS", "WORKING_DAYS"), allWeek, "2026-10-24T12:00:00+02:00", 25 * HOUR],
    ["Thursday 15:00 to Friday 15:00 in premium hours", target(1, "DAYS", "BUSINESS_HOURS"), premium, "2026-03-05T15:00:00+01:00", 4 * HOUR],
    ["calendar days keep the wall time over spring forward", target(1, "DAYS", "CALENDAR"), allWeek, "2026-03-28T12:00:00+01:00", 23 * HOUR],
    ["001 same day from Tuesday 10:00: the 8 office hours left", sameDay, office, "2026-03-10T10:00:00+01:00", 8 * HOUR],
    ["001 same day from the opening: the whole 11-hour day", sameDay, office, "2026-03-10T07:00:00+01:00", 11 * HOUR],
  ])("%s", (_name, slaTarget, calendar, startedAt, budget) => {
    expect(slaClockStatus(slaClock(slaTarget, calendar, history(startedAt)), at(startedAt)).budgetMs).toBe(budget);
  });

  it("a DAYS target whose clock time ran out keeps running until the wall-time due", () => {
    const clock = slaClock(target(1, "DAYS", "BUSINESS_HOURS"), premium, history("2026-03-05T15:00:00+01:00"));
    const atNoon = slaClockStatus(clock, at("2026-03-06T12:00:00+01:00"));
    expect({ state: atNoon.state, remainingMs: atNoon.remainingMs, due: berlin(atNoon.dueAt) }).toEqual({
      state: "RUNNING",
      remainingMs: 0,
      due: "2026-03-06T15:00:00+01:00",
    });
  });

  it("a DAYS target paused after its clock time ran out, over its wall-time due, is due the moment it resumes", () => {
    const clock = (pauses: [string, string | null][]) => slaClock(target(1, "DAYS", "BUSINESS_HOURS"), premium, history("2026-03-05T15:00:00+01:00", pauses));
    const paused = slaClockStatus(clock([["2026-03-06T13:00:00+01:00", null]]), at("2026-03-06T16:00:00+01:00"));
    expect({ state: paused.state, dueAt: paused.dueAt, remainingMs: paused.remainingMs }).toEqual({ state: "PAUSED", dueAt: null, remainingMs: 0 });
    const resumed = slaClockStatus(clock([["2026-03-06T13:00:00+01:00", "2026-03-06T17:00:00+01:00"]]), at("2026-03-06T17:00:00+01:00"));
    expect(slaClockStatus(clock([["2026-03-06T13:00:00+01:00", "2026-03-06T17:00:00+01:00"]]), at("2026-03-06T17:00:00+01:00") - 1).state).toBe("PAUSED");
    expect({ state: resumed.state, due: berlin(resumed.dueAt) }).toEqual({ state: "RUNNING", due: "2026-03-06T17:00:00+01:00" });
    expect(slaClockStatus(clock([["2026-03-06T13:00:00+01:00", "2026-03-06T17:00:00+01:00"]]), at("2026-03-06T17:00:00+01:00") + 1).state).toBe("BREACHED");
    const resumedEarly = slaClockStatus(clock([["2026-03-06T13:00:00+01:00", "2026-03-06T14:00:00+01:00"]]), at("2026-03-06T14:30:00+01:00"));
    expect({ state: resumedEarly.state, due: berlin(resumedEarly.dueAt) }).toEqual({ state: "RUNNING", due: "2026-03-06T15:00:00+01:00" });
  });
});

function berlinOr(ms: number | null, zone: string): string | null {
  return zone === "UTC" ? (ms === null ? null : new Date(ms).toISOString().replace(".000Z", "Z")) : berlin(ms);
}
