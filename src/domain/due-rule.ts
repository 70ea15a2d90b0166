/**
 * The one rule that decides whether a due instant was kept (DOMAIN.md, "Conventions of the
 * clocks"). Instants are whole milliseconds; "within 4 hours" includes the fourth hour's last
 * instant, so an event at exactly `dueAt` is on time and an unmet clock breaches one millisecond
 * after it. Clock status, alerts, the queue's SQL and the SLA report all decide through these.
 */

/** A target is met on time when its event happens at or before the due instant. */
export function metOnTime(eventAt: number, dueAt: number): boolean {
  return eventAt <= dueAt;
}

/** An unmet clock is breached at `now` once its due instant has passed. */
export function overdueAt(dueAt: number, now: number): boolean {
  return now >= breachInstant(dueAt);
}

/** The first instant an unmet clock counts as breached: when its BREACHED alert fires. */
export function breachInstant(dueAt: number): number {
  return dueAt + 1;
}

/** The latest stored due instant that is breached at `now` (for queries: `dueAt <= latestOverdueDue(now)`). */
export function latestOverdueDue(now: number): number {
  return now - 1;
}
