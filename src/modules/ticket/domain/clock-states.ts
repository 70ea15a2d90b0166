import type { BusinessCalendar, ClockMode, DurationUnit } from "../../calendar/domain/index.ts";
import { ConflictError } from "../../../domain/errors.ts";
import type { SlaClock, SlaClockHistory, SlaClockStatus, SlaTargetKind } from "../../sla/domain/index.ts";
import { AT_RISK_FRACTION, slaAlertSchedule, slaClockApply, slaClockPhase, slaClockStatus } from "../../sla/domain/index.ts";
import type { TicketClocks } from "./clock-effects.ts";
import type { TicketStatus } from "./status.ts";
import type { ClockEffect } from "./transition.ts";
import { type TargetDefinition, targetFields } from "../../tier/domain/index.ts";

/** A target as a clock row copies it from the tier (a later tier edit does not rewrite it). */
export interface ClockTarget {
  kind: SlaTargetKind;
  amount: number;
  unit: DurationUnit;
  clock: ClockMode;
  calendarId: string;
  guaranteed: boolean;
  endOfDay: boolean;
  thresholds: number[];
}

/** The clock targets a ticket copies from its tier at intake or on a tier change. */
export const clockTargetsOf = (tier: { targets: readonly TargetDefinition[]; warningThresholds: readonly number[] }): ClockTarget[] =>
  tier.targets.map((target) => ({ ...targetFields(target), thresholds: [...tier.warningThresholds] }));

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

/** The compiled calendars the clocks count in, by calendar id. */
export type Engines = ReadonlyMap<string, BusinessCalendar>;

const notStarted = (): SlaClockHistory => ({ startedAt: null, pauses: [], metAt: null });

/** A clock of a target that is not stored yet (NOT_STARTED until an effect starts it, unless `history` says otherwise). */
export const newClock = (id: string, target: ClockTarget, history: SlaClockHistory = notStarted()): ClockState => ({
  id,
  target,
  history,
  fresh: true,
  changed: true,
});

export function slaClockOf(state: Pick<ClockState, "target" | "history">, engines: Engines): SlaClock {
  const calendar = engines.get(state.target.calendarId);
  if (!calendar) throw new ConflictError("ticketId", "The ticket's clocks changed meanwhile; try again");
  const { kind, amount, unit, clock, guaranteed, endOfDay } = state.target;
  return { target: { kind, amount, unit, clock, guaranteed, endOfDay }, calendar, history: state.history };
}

export const ticketClocksOf = (states: readonly ClockState[]): TicketClocks => Object.fromEntries(states.map((state) => [state.target.kind, state.history]));

/**
 * Applies a transition's clock effects: START on a clock that never ran starts that row; START on
 * one that ran (a new NEXT_RESPONSE) replaces it with a new row (its id from `newId`), the old one
 * kept as history.
 */
export function applyEffects(
  states: readonly ClockState[],
  effects: readonly ClockEffect[],
  now: number,
  newId: () => string,
): { states: ClockState[]; replaced: string[] } {
  const current = new Map(states.map((state) => [state.target.kind, state]));
  const replaced: string[] = [];
  for (const { kind, action } of effects) {
    const state = current.get(kind);
    if (!state) throw new ConflictError("ticketId", `The ticket has no ${kind} clock`);
    const history = slaClockApply(state.history, action, now);
    if (action === "START" && state.history.startedAt !== null) {
      if (!state.fresh) replaced.push(state.id);
      current.set(kind, newClock(newId(), state.target, history));
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

/** The status of each clock at `at`, with the calendar it counts in. */
export function clockStatuses(states: readonly ClockState[], engines: Engines, at: number): (SlaClockStatus & { calendarId: string })[] {
  return states.map((state) => ({ ...slaClockStatus(slaClockOf(state, engines), at), calendarId: state.target.calendarId }));
}

/** A target the ticket gains mid-way starts now — paused at once while the ticket waits on the customer or is solved. */
export function firstHistory(kind: SlaTargetKind, status: TicketStatus, at: number): SlaClockHistory {
  if (kind === "NEXT_RESPONSE" || status === "AWAITING_INFORMATION") return notStarted();
  const paused = status === "AWAITING_CUSTOMER" || status === "SOLVED";
  return { startedAt: at, pauses: paused ? [{ from: at, to: null }] : [], metAt: null };
}
