import { v7 as uuid7 } from "uuid";
import type { BusinessCalendar } from "../calendar/domain/index.ts";
import type { SlaClockHistory, SlaPause } from "../sla/domain/index.ts";
import { slaClockPhase, slaClockStatus } from "../sla/domain/index.ts";
import { type ClockState, type ClockTarget, type Engines, slaClockOf } from "./domain/index.ts";
import { targetFields } from "../tier/domain/index.ts";
import type { Tx } from "../../events/outbox.ts";
import type { Prisma, SlaClock as ClockRow } from "../../generated/prisma/client.ts";
import type { CalendarService } from "../calendar/index.ts";
import { syncSlaAlerts } from "../sla/index.ts";

/** The current clock rows of a ticket, oldest first: select or include this. */
export const CURRENT_CLOCKS = { where: { replacedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } satisfies Prisma.Ticket$clocksArgs;

export const targetOf = (row: Pick<ClockRow, "kind" | "amount" | "unit" | "clock" | "calendarId" | "guaranteed" | "endOfDay" | "thresholds">): ClockTarget => ({
  ...targetFields(row),
  thresholds: row.thresholds,
});

export const historyOf = (row: Pick<ClockRow, "startedAt" | "pauses" | "metAt">): SlaClockHistory => ({
  startedAt: row.startedAt?.getTime() ?? null,
  pauses: row.pauses as unknown as SlaPause[],
  metAt: row.metAt?.getTime() ?? null,
});

export const stateOf = (row: ClockRow): ClockState => ({ id: row.id, target: targetOf(row), history: historyOf(row), fresh: false, changed: false });

/** A new clock row's id: time-ordered, as the rows Prisma writes. */
export const newClockId = () => uuid7();

/** The compiled calendars the clocks count in (cached by the calendar service). */
export async function enginesFor(calendars: CalendarService, calendarIds: Iterable<string>): Promise<Map<string, BusinessCalendar>> {
  const views = await Promise.all([...new Set(calendarIds)].map((id) => calendars.require(id, "calendarId")));
  return new Map(views.map((view) => [view.id, view.engine]));
}

/** The due instant a clock row stores: while running, else null. */
function storedDue(state: ClockState, engines: Engines, now: number): Date | null {
  if (slaClockPhase(state.history) !== "RUNNING") return null;
  const due = slaClockStatus(slaClockOf(state, engines), now).dueAt;
  return due === null ? null : new Date(due);
}

/** The columns of a clock row (without ticket). */
export function clockColumns(state: ClockState, engines: Engines, now: number) {
  const { history, target } = state;
  return {
    id: state.id,
    ...target,
    startedAt: history.startedAt === null ? null : new Date(history.startedAt),
    pauses: history.pauses as unknown as Prisma.InputJsonValue,
    metAt: history.metAt === null ? null : new Date(history.metAt),
    dueAt: storedDue(state, engines, now),
  };
}

/**
 * Writes the clocks of one ticket after a change, in the caller's transaction: changed rows,
 * new rows, replaced rows (kept as history), then the pending SLA alerts. The caller stores
 * clockSummary() on the ticket row in its own update.
 */
export async function saveClocks(
  tx: Tx,
  ticketId: string,
  states: readonly ClockState[],
  replaced: readonly string[],
  engines: Engines,
  now: number,
): Promise<void> {
  const at = new Date(now);
  if (replaced.length) await tx.slaClock.updateMany({ where: { id: { in: [...replaced] } }, data: { replacedAt: at, dueAt: null } });
  const fresh = states.filter((state) => state.fresh).map((state) => ({ ...clockColumns(state, engines, now), ticketId }));
  if (fresh.length) await tx.slaClock.createMany({ data: fresh });
  for (const state of states.filter((s) => s.changed && !s.fresh)) {
    const { id, ...data } = clockColumns(state, engines, now);
    await tx.slaClock.update({ where: { id }, data, select: { id: true } });
  }
  await syncSlaAlerts(
    tx,
    ticketId,
    states.map((state) => ({ id: state.id, clock: slaClockOf(state, engines), thresholds: state.target.thresholds })),
  );
}
