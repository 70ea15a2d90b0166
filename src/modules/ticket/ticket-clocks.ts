import { v7 as uuid7 } from "uuid";
import type { BusinessCalendar, ClockMode, DurationUnit } from "../calendar/domain/index.ts";
import { ConflictError } from "../../domain/errors.ts";
import type { SlaClock, SlaClockHistory, SlaClockStatus, SlaPause, SlaTargetKind } from "../sla/domain/index.ts";
import { AT_RISK_FRACTION, slaAlertSchedule, slaClockApply, slaClockPhase, slaClockStatus } from "../sla/domain/index.ts";
import type { ClockEffect, TicketClocks } from "./domain/index.ts";
import type { Tx } from "../../events/outbox.ts";
import type { Prisma, SlaClock as ClockRow } from "../../generated/prisma/client.ts";
import type { CalendarService } from "../calendar/index.ts";
import { syncSlaAlerts } from "../sla/index.ts";

/** A target as a clock row copies it from the tier (a later tier edit does not rewrite it). */
export interface ClockTarget {
  kind: SlaTargetKind;
  amount: number;
  unit: DurationUnit;
  clock: ClockMode;
  calendarId: string;
  guaranteed: boolean;
  thresholds: number[];
}

/** One current clock of a ticket in memory: what is stored, plus whether it must be written. */
export interface ClockState {
  id: string;
  target: ClockTarget;
  history: SlaClockHistory;
  /** not stored yet */
  fresh: boolean;
  /** stored, but its history or target changed */
  changed: boolean;
}

/** What the ticket row keeps of its clocks so queues order and filter in SQL. */
export interface ClockSummary {
  nextDueAt: Date | null;
  atRiskAt: Date | null;
}

export type Engines = ReadonlyMap<string, BusinessCalendar>;

/** The current clock rows of a ticket, oldest first: select or include this. */
export const CURRENT_CLOCKS = { where: { replacedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } satisfies Prisma.Ticket$clocksArgs;

export const targetOf = (row: Pick<ClockRow, "kind" | "amount" | "unit" | "clock" | "calendarId" | "guaranteed" | "thresholds">): ClockTarget => ({
  kind: row.kind,
  amount: row.amount,
  unit: row.unit,
  clock: row.clock,
  calendarId: row.calendarId,
  guaranteed: row.guaranteed,
  thresholds: row.thresholds,
});

export const historyOf = (row: Pick<ClockRow, "startedAt" | "pauses" | "metAt">): SlaClockHistory => ({
  startedAt: row.startedAt?.getTime() ?? null,
  pauses: row.pauses as unknown as SlaPause[],
  metAt: row.metAt?.getTime() ?? null,
});

export const stateOf = (row: ClockRow): ClockState => ({ id: row.id, target: targetOf(row), history: historyOf(row), fresh: false, changed: false });

/** A clock of a target that has not started (NOT_STARTED until an effect starts it). */
export const newClock = (target: ClockTarget, history: SlaClockHistory = { startedAt: null, pauses: [], metAt: null }): ClockState => ({
  id: uuid7(),
  target,
  history,
  fresh: true,
  changed: true,
});

export function slaClockOf(state: Pick<ClockState, "target" | "history">, engines: Engines): SlaClock {
  const calendar = engines.get(state.target.calendarId);
  if (!calendar) throw new ConflictError("ticketId", "The ticket's clocks changed meanwhile; try again");
  const { kind, amount, unit, clock, guaranteed } = state.target;
  return { target: { kind, amount, unit, clock, guaranteed }, calendar, history: state.history };
}

/** The compiled calendars the clocks count in (cached by the calendar service). */
export async function enginesFor(calendars: CalendarService, calendarIds: Iterable<string>): Promise<Map<string, BusinessCalendar>> {
  const views = await Promise.all([...new Set(calendarIds)].map((id) => calendars.require(id, "calendarId")));
  return new Map(views.map((view) => [view.id, view.engine]));
}

export const ticketClocksOf = (states: readonly ClockState[]): TicketClocks => Object.fromEntries(states.map((state) => [state.target.kind, state.history]));

/**
 * Applies a transition's clock effects: START on a clock that never ran starts that row; START on
 * one that ran (a new NEXT_RESPONSE) replaces it with a new row, the old one kept as history.
 */
export function applyEffects(states: readonly ClockState[], effects: readonly ClockEffect[], now: number): { states: ClockState[]; replaced: string[] } {
  const current = new Map(states.map((state) => [state.target.kind, state]));
  const replaced: string[] = [];
  for (const { kind, action } of effects) {
    const state = current.get(kind);
    if (!state) throw new ConflictError("ticketId", `The ticket has no ${kind} clock`);
    const history = slaClockApply(state.history, action, now);
    if (action === "START" && state.history.startedAt !== null) {
      if (!state.fresh) replaced.push(state.id);
      current.set(kind, newClock(state.target, history));
    } else {
      current.set(kind, { ...state, history, changed: true });
    }
  }
  return { states: [...current.values()], replaced };
}

/** Due and 75 % instants of the running clocks. */
export function clockSummary(states: readonly ClockState[], engines: Engines, now: number): ClockSummary {
  let nextDue: number | null = null;
  let atRisk: number | null = null;
  for (const state of states) {
    if (slaClockPhase(state.history) !== "RUNNING") continue;
    const clock = slaClockOf(state, engines);
    const due = slaClockStatus(clock, now).dueAt;
    const risk = slaAlertSchedule(clock, [AT_RISK_FRACTION])[0]!.at;
    if (due !== null && (nextDue === null || due < nextDue)) nextDue = due;
    if (atRisk === null || risk < atRisk) atRisk = risk;
  }
  return { nextDueAt: nextDue === null ? null : new Date(nextDue), atRiskAt: atRisk === null ? null : new Date(atRisk) };
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
export async function saveClocks(tx: Tx, ticketId: string, states: readonly ClockState[], replaced: readonly string[], engines: Engines, now: number): Promise<void> {
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

/** The status of each clock at `at`, with the calendar it counts in. */
export function clockStatuses(states: readonly ClockState[], engines: Engines, at: number): (SlaClockStatus & { calendarId: string })[] {
  return states.map((state) => ({ ...slaClockStatus(slaClockOf(state, engines), at), calendarId: state.target.calendarId }));
}
