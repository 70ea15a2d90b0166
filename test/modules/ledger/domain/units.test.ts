import { describe, expect, it } from "vitest";
import { MINUTES_PER_UNIT, nonZeroUnits, positiveUnits, unitsForMinutes } from "../../../../src/modules/ledger/domain/index.ts";
import { expectValidationError } from "../../calendar/domain/support.ts";

describe("unitsForMinutes: 1 unit = 15 minutes, always rounded up", () => {
  it("is 15 minutes per unit", () => expect(MINUTES_PER_UNIT).toBe(15));

  it.each([
    [1, 1],
    [10, 1],
    [14, 1],
    [15, 1],
    [16, 2],
    [29, 2],
    [30, 2],
    [31, 3],
    [60, 4],
    [61, 5],
    [475, 32],
    [100_000, 6667],
  ])("%i minutes → %i units", (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
  });

  it.each([[0], [-1], [-15], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [100_001]])("%s minutes is a ValidationError on minutes", (minutes) => {
    expectValidationError(() => unitsForMinutes(minutes), "minutes");
  });

  it("names the caller's field", () => expectValidationError(() => unitsForMinutes(0, "workLog.minutes"), "workLog.minutes"));
});

describe("unit counts", () => {
  it.each([[1], [20], [1_000_000]])("positiveUnits accepts %i", (units) => expect(positiveUnits("units", units)).toBe(units));
  it.each([[0], [-1], [2.5], [1_000_001]])("positiveUnits refuses %s", (units) => expectValidationError(() => positiveUnits("units", units), "units"));
  it.each([[1], [-1], [-500], [1_000_000]])("nonZeroUnits accepts %i", (units) => expect(nonZeroUnits("units", units)).toBe(units));
  it.each([[0], [0.5], [-1_000_001]])("nonZeroUnits refuses %s", (units) => expectValidationError(() => nonZeroUnits("units", units), "units"));
});
