import { ConflictError, ValidationError } from "../../../domain/errors.ts";
import { slaClockPhase, validateSlaClockHistory } from "./clock-history.ts";
import type { SlaClockHistory, SlaClockPhase, SlaPause } from "./clock-history.ts";

/** What the ticket lifecycle asks of a clock; START always begins a new clock (a new history). */
export type SlaClockAction = "START" | "PAUSE" | "RESUME" | "MEET" | "REOPEN";

export function slaClockStart(at: number): SlaClockHistory {
  return validateSlaClockHistory({ startedAt: at, pauses: [], metAt: null });
}

export function slaClockPause(history: SlaClockHistory, at: number): SlaClockHistory {
  expectPhase(history, "RUNNING", "pause", at);
  return { ...history, pauses: [...history.pauses, { from: at, to: null }] };
}

export function slaClockResume(history: SlaClockHistory, at: number): SlaClockHistory {
  expectPhase(history, "PAUSED", "resume", at);
  return { ...history, pauses: closeLastPause(history.pauses, at) };
}

/** Meeting a paused clock closes its pause at the same instant. */
export function slaClockMeet(history: SlaClockHistory, at: number): SlaClockHistory {
  const phase = expectPhase(history, ["RUNNING", "PAUSED"], "meet", at);
  return { ...history, pauses: phase === "PAUSED" ? closeLastPause(history.pauses, at) : history.pauses, metAt: at };
}

/** Withdraws a met mark (a reopened ticket): the time it stood met counts as a pause. */
export function slaClockReopen(history: SlaClockHistory, at: number): SlaClockHistory {
  expectPhase(history, "MET", "reopen", at);
  const metAt = history.metAt!;
  const last = history.pauses.at(-1);
  const pauses: SlaPause[] = last?.to === metAt ? [...history.pauses.slice(0, -1), { from: last.from, to: at }] : [...history.pauses, { from: metAt, to: at }];
  return { ...history, pauses, metAt: null };
}

export function slaClockApply(history: SlaClockHistory | null, action: SlaClockAction, at: number): SlaClockHistory {
  if (action === "START") return slaClockStart(at);
  if (history === null) throw new ConflictError("clock", `Cannot ${action.toLowerCase()} a clock that does not exist`);
  const change = { PAUSE: slaClockPause, RESUME: slaClockResume, MEET: slaClockMeet, REOPEN: slaClockReopen }[action];
  return change(history, at);
}

function expectPhase(history: SlaClockHistory, expected: SlaClockPhase | SlaClockPhase[], verb: string, at: number): SlaClockPhase {
  const phase = slaClockPhase(validateSlaClockHistory(history));
  if (!([] as SlaClockPhase[]).concat(expected).includes(phase)) throw new ConflictError("clock", `Cannot ${verb} a clock that is ${phase}`);
  if (!Number.isSafeInteger(at) || at < lastEvent(history))
    throw new ValidationError("at", `at must be an instant in whole milliseconds, not before the clock's last change`);
  return phase;
}

function lastEvent(history: SlaClockHistory): number {
  const last = history.pauses.at(-1);
  return Math.max(history.startedAt ?? -Infinity, history.metAt ?? -Infinity, last?.from ?? -Infinity, last?.to ?? -Infinity);
}

function closeLastPause(pauses: readonly SlaPause[], at: number): SlaPause[] {
  return [...pauses.slice(0, -1), { from: pauses.at(-1)!.from, to: at }];
}
