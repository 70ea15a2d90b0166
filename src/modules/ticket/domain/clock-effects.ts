import type { SlaClockHistory, SlaClockPhase, SlaTargetKind } from "../../sla/domain/index.ts";
import { slaClockApply, slaClockPhase } from "../../sla/domain/index.ts";
import type { ClockEffect } from "./transition.ts";

/** The current clock of each target kind of one ticket (earlier NEXT_RESPONSE clocks are history). */
export type TicketClocks = Partial<Record<SlaTargetKind, SlaClockHistory>>;

/** Phases for ticketTransition: kinds the tier targets but with no clock yet are NOT_STARTED. */
export function ticketClockPhases(targetKinds: readonly SlaTargetKind[], clocks: TicketClocks): Partial<Record<SlaTargetKind, SlaClockPhase>> {
  return Object.fromEntries(targetKinds.map((kind) => [kind, clocks[kind] === undefined ? "NOT_STARTED" : slaClockPhase(clocks[kind])]));
}

/** Applies a transition's effects at `now`; START replaces the kind's current clock with a new one. */
export function applyClockEffects(clocks: TicketClocks, effects: readonly ClockEffect[], now: number): TicketClocks {
  const next: TicketClocks = { ...clocks };
  for (const { kind, action } of effects) next[kind] = slaClockApply(next[kind] ?? null, action, now);
  return next;
}
