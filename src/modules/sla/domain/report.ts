import { ValidationError } from "../../../domain/errors.ts";
import type { SlaClockStatus } from "./clock-status.ts";

/** One decided first-response clock: its group (tier, team, month …), minutes to respond and outcome. */
export interface SlaReportRow {
  group: string;
  /** business minutes from start to first response; null when none was given yet (breached, still open) */
  firstResponseMinutes: number | null;
  outcome: "MET" | "BREACHED";
}

export interface SlaReportLine {
  group: string;
  tickets: number;
  met: number;
  breached: number;
  /** met / tickets × 100, unrounded; null for no tickets */
  compliancePercent: number | null;
  /** nearest-rank percentiles of firstResponseMinutes over the rows that have one; null if none */
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface SlaReport {
  /** sorted by group (code point order) */
  groups: SlaReportLine[];
  total: SlaReportLine;
}

/**
 * How a first-response clock counts in the report: MET when met on time (at or before its due
 * instant), BREACHED when met late or overdue unmet; null while undecided (running in time,
 * paused, not started).
 */
export function slaReportOutcome(status: Pick<SlaClockStatus, "state">): SlaReportRow["outcome"] | null {
  switch (status.state) {
    case "MET":
      return "MET";
    case "MET_LATE":
    case "BREACHED":
      return "BREACHED";
    default:
      return null;
  }
}

export function slaReport(rows: readonly SlaReportRow[], totalLabel = "TOTAL"): SlaReport {
  rows.forEach(validateRow);
  const byGroup = new Map<string, SlaReportRow[]>();
  for (const row of rows) {
    const members = byGroup.get(row.group);
    if (members) members.push(row);
    else byGroup.set(row.group, [row]);
  }
  const groups = [...byGroup.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((group) => reportLine(group, byGroup.get(group)!));
  return { groups, total: reportLine(totalLabel, rows) };
}

/**
 * Nearest-rank percentile: the smallest value such that at least p % of the values are ≤ it,
 * i.e. the ⌈p/100 · n⌉-th smallest (1-based; p = 0 gives the smallest). Always one of the
 * values, never interpolated; the median of an even count is the lower middle one. null for none.
 */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new ValidationError("percentile", "percentile must be between 0 and 100");
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

function reportLine(group: string, rows: readonly SlaReportRow[]): SlaReportLine {
  const met = rows.filter((row) => row.outcome === "MET").length;
  const minutes = rows.flatMap((row) => (row.firstResponseMinutes === null ? [] : [row.firstResponseMinutes]));
  return {
    group,
    tickets: rows.length,
    met,
    breached: rows.length - met,
    compliancePercent: rows.length === 0 ? null : (met / rows.length) * 100,
    medianMinutes: nearestRankPercentile(minutes, 50),
    p90Minutes: nearestRankPercentile(minutes, 90),
  };
}

function validateRow(row: SlaReportRow, i: number): void {
  if (row.outcome !== "MET" && row.outcome !== "BREACHED") throw new ValidationError(`rows.${i}.outcome`, `rows.${i}.outcome must be MET or BREACHED`);
  const minutes = row.firstResponseMinutes;
  if (minutes !== null && !(Number.isFinite(minutes) && minutes >= 0)) {
    throw new ValidationError(`rows.${i}.firstResponseMinutes`, `rows.${i}.firstResponseMinutes must be a non-negative number`);
  }
}
