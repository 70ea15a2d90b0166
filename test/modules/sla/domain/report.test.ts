import { describe, expect, it } from "vitest";
import type { SlaReportRow } from "../../../../src/modules/sla/domain/index.ts";
import { nearestRankPercentile, slaReport } from "../../../../src/modules/sla/domain/index.ts";
import { expectValidationError } from "./support.ts";

const row = (group: string, firstResponseMinutes: number | null, outcome: SlaReportRow["outcome"] = "MET"): SlaReportRow => ({
  group,
  firstResponseMinutes,
  outcome,
});

describe("nearestRankPercentile", () => {
  const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it.each<[string, number[], number, number | null]>([
    ["p90 of ten is the 9th", ten, 90, 90],
    ["p50 of ten is the 5th: the lower middle, not interpolated", ten, 50, 50],
    ["p91 of ten rounds the rank up to the 10th", ten, 91, 100],
    ["p100 is the largest", ten, 100, 100],
    ["p0 is the smallest", ten, 0, 10],
    ["median of three is the middle one", [7, 1, 3], 50, 3],
    ["p90 of one value is that value", [42], 90, 42],
    ["unsorted input", [5, 1, 4, 2, 3], 90, 5],
    ["none", [], 50, null],
  ])("%s", (_name, values, p, expected) => {
    expect(nearestRankPercentile(values, p)).toBe(expected);
  });

  it("rejects a percentile outside 0–100", () => {
    expectValidationError(() => nearestRankPercentile([1], 101), "percentile");
  });
});

describe("slaReport", () => {
  it("counts, compliance and percentiles per group and in total, groups sorted", () => {
    const rows = [
      row("Silver", 100),
      row("Gold", 30),
      row("Gold", 250, "BREACHED"),
      row("Gold", 120),
      row("Gold", null, "BREACHED"),
      row("Silver", 300),
      row("Silver", 600, "BREACHED"),
    ];
    expect(slaReport(rows)).toEqual({
      groups: [
        { group: "Gold", tickets: 4, met: 2, breached: 2, compliancePercent: 50, medianMinutes: 120, p90Minutes: 250 },
        { group: "Silver", tickets: 3, met: 2, breached: 1, compliancePercent: (2 / 3) * 100, medianMinutes: 300, p90Minutes: 600 },
      ],
      total: { group: "TOTAL", tickets: 7, met: 4, breached: 3, compliancePercent: (4 / 7) * 100, medianMinutes: 120, p90Minutes: 600 },
    });
  });

  it("is empty for no rows", () => {
    expect(slaReport([])).toEqual({
      groups: [],
      total: { group: "TOTAL", tickets: 0, met: 0, breached: 0, compliancePercent: null, medianMinutes: null, p90Minutes: null },
    });
  });

  it("a group whose tickets never got a response has no percentiles", () => {
    expect(slaReport([row("Bronze", null, "BREACHED")]).groups[0]).toMatchObject({ compliancePercent: 0, medianMinutes: null, p90Minutes: null });
  });

  it.each<[string, SlaReportRow, string]>([
    ["negative minutes", row("Gold", -1), "rows.1.firstResponseMinutes"],
    ["an unknown outcome", row("Gold", 1, "LATE" as never), "rows.1.outcome"],
  ])("rejects %s", (_name, bad, field) => {
    expectValidationError(() => slaReport([row("Gold", 1), bad]), field);
  });
});
