import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BusinessCalendar, ClockMode } from "../../../../src/modules/calendar/domain/index.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import type { SlaClock, SlaClockHistory, SlaTarget } from "../../../../src/modules/sla/domain/index.ts";
import { slaAlertSchedule, slaClockStatus } from "../../../../src/modules/sla/domain/index.ts";
import { hotlineCet } from "../../../fixtures/calendars.ts";
import { instant2026To2027, PROPERTY_RUN } from "../../calendar/domain/arbitraries.ts";
import { allWeek, MINUTE, paid, paidDE, premium, target } from "./support.ts";

const RUNS = { ...PROPERTY_RUN, numRuns: 300 };
const calendars: Record<string, BusinessCalendar> = { premium, paid, paidDE, allWeek, hotline: compileCalendar(hotlineCet) };
/** by name, so that a counterexample prints short */
const calendarName = fc.constantFrom(...Object.keys(calendars));
const clockMode = fc.constantFrom<ClockMode>("BUSINESS_HOURS", "WORKING_DAYS", "CALENDAR");
/** up to six closed pauses: a wall-time gap after the previous event, then a length (either may be 0) */
const pauseSteps = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 1440 }), fc.integer({ min: 0, max: 3 * 1440 })), { maxLength: 6 });
const minutesTarget = fc.integer({ min: 1, max: 200 * 60 });
const daysTarget = fc.integer({ min: 1, max: 10 });

function historyOf(start: number, steps: [number, number][]): SlaClockHistory {
  let t = start;
  const pauses = steps.map(([gap, length]) => {
    const from = t + gap * MINUTE;
    t = from + length * MINUTE;
    return { from, to: t };
  });
  return { startedAt: start, pauses, metAt: null };
}

/** The breach instant of a running clock (it has no open pause), from its alert schedule. */
/** The due instant: the BREACHED alert fires 1 ms after it. */
const dueOf = (clock: SlaClock) => slaAlertSchedule(clock, []).at(-1)!.at - 1;

/** Clock time from the start to `due` minus the clock time of the pauses before it. */
function runningTimeUntil(clock: SlaClock, due: number): number {
  const { calendar: cal, target: t, history: h } = clock;
  const paused = h.pauses.reduce((sum, p) => (p.from < due ? sum + cal.elapsed(p.from, Math.min(p.to!, due), t.clock) : sum), 0);
  return cal.elapsed(h.startedAt!, due, t.clock) - paused;
}

describe("SLA clock properties over random pauses (fixed seed)", () => {
  it("MINUTES targets: elapsed clock time from start to due minus paused clock time = target", () => {
    fc.assert(
      fc.property(calendarName, clockMode, instant2026To2027, pauseSteps, minutesTarget, (name, mode, start, steps, minutes) => {
        const clock: SlaClock = { target: target(minutes, "MINUTES", mode), calendar: calendars[name]!, history: historyOf(start, steps) };
        expect(runningTimeUntil(clock, dueOf(clock))).toBe(minutes * MINUTE);
      }),
      RUNS,
    );
  });

  it("DAYS targets: the same identity with the budget fixed at the start", () => {
    fc.assert(
      fc.property(calendarName, clockMode, instant2026To2027, pauseSteps, daysTarget, (name, mode, start, steps, days) => {
        const clock: SlaClock = { target: target(days, "DAYS", mode), calendar: calendars[name]!, history: historyOf(start, steps) };
        const budget = slaClockStatus(clock, start).budgetMs!;
        expect(runningTimeUntil(clock, dueOf(clock))).toBe(budget);
        expect(dueOf(clock)).toBeGreaterThanOrEqual(calendars[name]!.add(start, days, "DAYS", mode));
      }),
      RUNS,
    );
  });

  it("the due instant is monotonic in the budget", () => {
    fc.assert(
      fc.property(calendarName, clockMode, instant2026To2027, pauseSteps, minutesTarget, minutesTarget, (name, mode, start, steps, m1, m2) => {
        const history = historyOf(start, steps);
        const due = (minutes: number) => dueOf({ target: target(minutes, "MINUTES", mode), calendar: calendars[name]!, history });
        expect(due(Math.min(m1, m2))).toBeLessThanOrEqual(due(Math.max(m1, m2)));
      }),
      RUNS,
    );
  });

  // PAUSED just before is possible only for a DAYS target paused after its clock time ran out, before its wall-time due
  it("RUNNING 1 ms before the due instant (DAYS: or PAUSED) and at it, BREACHED 1 ms after; met at it is MET", () => {
    fc.assert(
      fc.property(
        calendarName,
        clockMode,
        instant2026To2027,
        pauseSteps,
        fc.oneof(
          minutesTarget.map((m) => [m, "MINUTES"] as const),
          daysTarget.map((d) => [d, "DAYS"] as const),
        ),
        (name, mode, start, steps, [amount, unit]) => {
          const clock: SlaClock = { target: target(amount, unit, mode) satisfies SlaTarget, calendar: calendars[name]!, history: historyOf(start, steps) };
          const due = dueOf(clock);
          expect(unit === "DAYS" ? ["RUNNING", "PAUSED"] : ["RUNNING"]).toContain(slaClockStatus(clock, due - 1).state);
          expect(slaClockStatus(clock, due).state).toBe("RUNNING");
          expect(slaClockStatus(clock, due + 1).state).toBe("BREACHED");
          expect(slaClockStatus({ ...clock, history: { ...clock.history, metAt: due } }, due + 1).state).toBe("MET");
        },
      ),
      RUNS,
    );
  });
});
