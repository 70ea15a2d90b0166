import type { SlaClock } from "./domain/index.ts";
import { slaAlertSchedule, slaClockPhase } from "./domain/index.ts";
import type { Tx } from "../../events/outbox.ts";

/** A current clock of the ticket; clocks left out (replaced ones) lose their pending alerts. */
export interface AlertClock {
  id: string;
  clock: SlaClock;
  /** warning fractions of the budget, from the tier */
  thresholds: readonly number[];
}

export interface PendingAlert {
  clockId: string;
  kind: "WARNING" | "BREACHED";
  threshold: number;
  fireAt: Date;
}

const keyOf = (alert: { clockId: string; kind: string; threshold: number }) => `${alert.clockId}|${alert.kind}|${alert.threshold}`;

/**
 * The alerts the clocks are due to raise: each running clock gets a WARNING per threshold and a
 * BREACHED at its due instant (slaAlertSchedule); paused, met and not started clocks get none.
 */
export function pendingAlerts(clocks: readonly AlertClock[]): PendingAlert[] {
  return [...wantedAlerts(clocks).values()];
}

function wantedAlerts(clocks: readonly AlertClock[]): Map<string, PendingAlert> {
  const wanted = new Map<string, PendingAlert>();
  for (const { id, clock, thresholds } of clocks) {
    if (slaClockPhase(clock.history) !== "RUNNING") continue;
    for (const alert of slaAlertSchedule(clock, thresholds)) {
      const pending = { clockId: id, kind: alert.kind, threshold: alert.threshold, fireAt: new Date(alert.at) };
      wanted.set(keyOf(pending), pending);
    }
  }
  return wanted;
}

/**
 * Rewrites the pending SLA alerts of one ticket after its clocks changed, in the caller's
 * transaction, to pendingAlerts(); replaced clocks (left out) lose theirs. Rows already fired
 * are never touched (each alert goes out once), so a row is only created, moved or deleted while
 * `firedAt` is null — the monitor fires a row with the same condition.
 */
export async function syncSlaAlerts(tx: Tx, ticketId: string, clocks: readonly AlertClock[]): Promise<void> {
  const wanted = wantedAlerts(clocks);
  const existing = await tx.slaAlert.findMany({
    where: { ticketId },
    select: { id: true, clockId: true, kind: true, threshold: true, fireAt: true, firedAt: true },
  });
  const stale: string[] = [];
  const moved: { id: string; fireAt: Date }[] = [];
  for (const row of existing) {
    const key = keyOf(row);
    const want = wanted.get(key);
    wanted.delete(key);
    if (row.firedAt !== null) continue;
    if (!want) stale.push(row.id);
    else if (want.fireAt.getTime() !== row.fireAt.getTime()) moved.push({ id: row.id, fireAt: want.fireAt });
  }
  if (stale.length) await tx.slaAlert.deleteMany({ where: { id: { in: stale }, firedAt: null } });
  for (const { id, fireAt } of moved) await tx.slaAlert.updateMany({ where: { id, firedAt: null }, data: { fireAt } });
  if (wanted.size) await tx.slaAlert.createMany({ data: [...wanted.values()].map((alert) => ({ ...alert, ticketId })), skipDuplicates: true });
}
