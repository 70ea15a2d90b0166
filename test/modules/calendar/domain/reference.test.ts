import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { premiumBerlin } from "../../../fixtures/calendars.ts";
import { calendarDefinition, MINUTE, minuteIn2026, PROPERTY_RUN } from "./arbitraries.ts";
import { NaiveCalendar } from "./naive-reference.ts";

const RUNS = { ...PROPERTY_RUN, numRuns: 150 };

describe("the engine agrees with a naive minute-stepping reference", () => {
  it("on premiumBerlin: add and between, both clocks", () => {
    const calendar = compileCalendar(premiumBerlin);
    const naive = new NaiveCalendar(premiumBerlin);
    fc.assert(
      fc.property(minuteIn2026, fc.integer({ min: 0, max: 900 }), fc.integer({ min: -3 * 1440, max: 7 * 1440 }), (a, m, delta) => {
        expect(calendar.addBusinessMinutes(a, m)).toBe(naive.add(a, m));
        expect(calendar.add(a, m, "MINUTES", "WORKING_DAYS")).toBe(naive.add(a, m, "WORKING_DAYS"));
        expect(calendar.businessMinutesBetween(a, a + delta * MINUTE)).toBe(naive.businessMinutesBetween(a, a + delta * MINUTE));
      }),
      RUNS,
    );
  });

  it("on random calendars in DST and half-hour zones, with holidays and exceptions", () => {
    fc.assert(
      fc.property(calendarDefinition, minuteIn2026, fc.integer({ min: 0, max: 600 }), fc.integer({ min: -1440, max: 3 * 1440 }), (definition, a, m, delta) => {
        const calendar = compileCalendar(definition);
        const naive = new NaiveCalendar(definition, 120 * 1440);
        const expected = naive.add(a, m);
        if (expected !== null) expect(calendar.addBusinessMinutes(a, m)).toBe(expected);
        expect(calendar.isOpen(a)).toBe(naive.isOpen(a));
        expect(calendar.businessMinutesBetween(a, a + delta * MINUTE)).toBe(naive.businessMinutesBetween(a, a + delta * MINUTE));
      }),
      RUNS,
    );
  });
});
