import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClockMode } from "../../../../src/modules/calendar/domain/index.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { premiumBerlin } from "../../../fixtures/calendars.ts";
import { calendarDefinition, instant2026To2027, MINUTE, minuteIn2026, PROPERTY_RUN } from "./arbitraries.ts";

const premium = compileCalendar(premiumBerlin);
const upTo500Hours = fc.integer({ min: 0, max: 500 * 60 });
const clocks: Exclude<ClockMode, "CALENDAR">[] = ["BUSINESS_HOURS", "WORKING_DAYS"];

describe.each(clocks)("premiumBerlin, %s clock", (clock) => {
  const add = (from: number, minutes: number) => premium.add(from, minutes, "MINUTES", clock);
  const between = (from: number, to: number) => premium.elapsed(from, to, clock);

  it("elapsed(a, add(a, m)) = m, from any instant (closed ones start at the next opening)", () => {
    fc.assert(
      fc.property(instant2026To2027, upTo500Hours, (a, m) => between(a, add(a, m)) === m * MINUTE),
      PROPERTY_RUN,
    );
  });

  it("add is monotonic in the amount and in the start", () => {
    fc.assert(
      fc.property(instant2026To2027, instant2026To2027, upTo500Hours, upTo500Hours, (a1, a2, m1, m2) => {
        const [a, b] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const [m, n] = m1 <= m2 ? [m1, m2] : [m2, m1];
        return add(a, m) <= add(a, n) && add(a, m) <= add(b, m);
      }),
      PROPERTY_RUN,
    );
  });

  it("add(a, m1 + m2) = add(add(a, m1), m2) for m2 > 0; for m2 = 0 only up to the interval-end landing rule", () => {
    fc.assert(
      fc.property(instant2026To2027, upTo500Hours, upTo500Hours, (a, m1, m2) => {
        const first = add(a, m1);
        if (m2 > 0) return add(a, m1 + m2) === add(first, m2);
        // add(a, m1) may land on an interval end, where the clock stands; adding 0 moves to the next start
        const moved = add(first, 0);
        return moved >= first && between(first, moved) === 0 && (clock !== "BUSINESS_HOURS" || moved === premium.nextOpening(first));
      }),
      PROPERTY_RUN,
    );
  });

  it("a positive add ends on running time: the clock counted the last millisecond", () => {
    fc.assert(
      fc.property(instant2026To2027, fc.integer({ min: 1, max: 500 * 60 }), (a, m) => between(add(a, m) - 1, add(a, m)) === 1),
      PROPERTY_RUN,
    );
  });

  it("elapsed is antisymmetric and additive", () => {
    fc.assert(
      fc.property(instant2026To2027, instant2026To2027, instant2026To2027, (a, b, c) => {
        return between(a, b) + between(b, a) === 0 && between(a, b) + between(b, c) === between(a, c);
      }),
      PROPERTY_RUN,
    );
  });
});

describe("random calendars (DST zones, half-hour zone, holidays, exceptions)", () => {
  it("elapsed(a, add(a, m)) = m and add(a, m1 + m2) = add(add(a, m1), m2) for m2 > 0", () => {
    fc.assert(
      fc.property(calendarDefinition, minuteIn2026, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 3000 }), (definition, a, m1, m2) => {
        const calendar = compileCalendar(definition);
        const first = calendar.addBusinessMinutes(a, m1);
        expect(calendar.businessMinutesBetween(a, first)).toBe(m1);
        expect(calendar.addBusinessMinutes(first, m2)).toBe(calendar.addBusinessMinutes(a, m1 + m2));
      }),
      { ...PROPERTY_RUN, numRuns: 200 },
    );
  });
});
