import { describe, expect, it } from "vitest";
import type { SlaTargetKind } from "../../../../src/modules/sla/domain/index.ts";
import {
  applyEffects,
  type ClockState,
  type ClockTarget,
  clockSummary,
  firstHistory,
  newClock,
  type TicketStatus,
} from "../../../../src/modules/ticket/domain/index.ts";
import { at, berlin, history, paid } from "../../sla/domain/support.ts";

/** 002 Gold on Mon–Fri 09–17 Berlin: first response 4 working hours, resolution 16. */
const target = (kind: SlaTargetKind, hours: number): ClockTarget => ({
  kind,
  amount: hours,
  unit: "HOURS",
  clock: "BUSINESS_HOURS",
  calendarId: "paid",
  guaranteed: true,
  endOfDay: false,
  thresholds: [0.75],
});
const FR = target("FIRST_RESPONSE", 4);
const NR = target("NEXT_RESPONSE", 4);
const RES = target("RESOLUTION", 16);
const engines = new Map([["paid", paid]]);
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};
const stored = (
  id: string,
  clockTarget: ClockTarget,
  started: string | null,
  pauses: [string, string | null][] = [],
  met: string | null = null,
): ClockState => ({
  id,
  target: clockTarget,
  history: history(started, pauses, met),
  fresh: false,
  changed: false,
});

// Monday 2 March 2026, Berlin (UTC+1)
const MON_10 = at("2026-03-02T10:00:00+01:00");

describe("a ticket's clock states under a transition's effects", () => {
  it("START on clocks that never ran starts those rows; nothing is replaced", () => {
    const { states, replaced } = applyEffects(
      [newClock("fr", FR), newClock("res", RES)],
      [
        { kind: "FIRST_RESPONSE", action: "START" },
        { kind: "RESOLUTION", action: "START" },
      ],
      MON_10,
      ids(),
    );
    expect(states.map((s) => [s.id, s.history.startedAt, s.fresh])).toEqual([
      ["fr", MON_10, true],
      ["res", MON_10, true],
    ]);
    expect(replaced).toEqual([]);
  });

  it("START on a NEXT_RESPONSE that ran replaces its row by a new one; the stored one is kept as history", () => {
    const before = [
      stored("fr", FR, "2026-03-02T09:00:00+01:00", [], "2026-03-02T09:30:00+01:00"),
      stored("nr", NR, "2026-03-02T09:30:00+01:00", [], "2026-03-02T09:45:00+01:00"),
    ];
    const { states, replaced } = applyEffects(before, [{ kind: "NEXT_RESPONSE", action: "START" }], MON_10, ids());
    expect(replaced).toEqual(["nr"]);
    expect(states.map((s) => [s.id, s.fresh, s.changed])).toEqual([
      ["fr", false, false],
      ["new-1", true, true],
    ]);
    expect(states[1]!.history).toEqual({ startedAt: MON_10, pauses: [], metAt: null });
  });

  it("PAUSE and MEET change the stored row in place", () => {
    const before = [stored("fr", FR, "2026-03-02T09:00:00+01:00"), stored("res", RES, "2026-03-02T09:00:00+01:00")];
    const { states } = applyEffects(
      before,
      [
        { kind: "FIRST_RESPONSE", action: "MEET" },
        { kind: "RESOLUTION", action: "PAUSE" },
      ],
      MON_10,
      ids(),
    );
    expect(states.map((s) => [s.id, s.changed, s.history.metAt, s.history.pauses])).toEqual([
      ["fr", true, MON_10, []],
      ["res", true, null, [{ from: MON_10, to: null }]],
    ]);
  });

  it("an effect on a kind the ticket has no clock of is a conflict", () => {
    expect(() => applyEffects([newClock("fr", FR)], [{ kind: "RESOLUTION", action: "START" }], MON_10, ids())).toThrow(/no RESOLUTION clock/);
  });
});

describe("what the ticket row keeps of its clocks (due and 75 % instants of the running ones)", () => {
  it.each<[string, ClockState[], string | null, string | null]>([
    ["no clocks", [], null, null],
    ["not started", [newClock("fr", FR)], null, null],
    ["FR from Mon 10:00: due 14:00, at risk 13:00", [stored("fr", FR, "2026-03-02T10:00:00+01:00")], "2026-03-02T14:00:00+01:00", "2026-03-02T13:00:00+01:00"],
    [
      "FR from Fri 27 Feb 16:00: due Mon 12:00 across the weekend, at risk Mon 11:00",
      [stored("fr", FR, "2026-02-27T16:00:00+01:00")],
      "2026-03-02T12:00:00+01:00",
      "2026-03-02T11:00:00+01:00",
    ],
    [
      "the earliest of two running",
      [stored("res", RES, "2026-03-02T09:00:00+01:00"), stored("fr", FR, "2026-03-02T10:00:00+01:00")],
      "2026-03-02T14:00:00+01:00",
      "2026-03-02T13:00:00+01:00",
    ],
    ["a met clock counts no more", [stored("fr", FR, "2026-03-02T09:00:00+01:00", [], "2026-03-02T09:30:00+01:00")], null, null],
    ["a paused clock counts no more", [stored("res", RES, "2026-03-02T09:00:00+01:00", [["2026-03-02T09:30:00+01:00", null]])], null, null],
  ])("%s", (_case, states, due, risk) => {
    const summary = clockSummary(states, engines, at("2026-03-02T10:00:00+01:00"));
    expect([summary.nextDueAt && berlin(summary.nextDueAt.getTime()), summary.atRiskAt && berlin(summary.atRiskAt.getTime())]).toEqual([
      due && berlin(at(due)),
      risk && berlin(at(risk)),
    ]);
  });
});

describe("the first history of a target a ticket gains mid-way (a tier change)", () => {
  const NOW = at("2026-03-02T10:00:00+01:00");
  it.each<[SlaTargetKind, TicketStatus, "NOT_STARTED" | "RUNNING" | "PAUSED"]>([
    ["FIRST_RESPONSE", "NEW", "RUNNING"],
    ["RESOLUTION", "OPEN", "RUNNING"],
    ["RESOLUTION", "ON_HOLD", "RUNNING"],
    ["RESOLUTION", "AWAITING_CUSTOMER", "PAUSED"],
    ["RESOLUTION", "SOLVED", "PAUSED"],
    ["FIRST_RESPONSE", "AWAITING_INFORMATION", "NOT_STARTED"],
    ["NEXT_RESPONSE", "OPEN", "NOT_STARTED"],
  ])("%s on a %s ticket: %s", (kind, status, phase) => {
    const expected = {
      NOT_STARTED: { startedAt: null, pauses: [], metAt: null },
      RUNNING: { startedAt: NOW, pauses: [], metAt: null },
      PAUSED: { startedAt: NOW, pauses: [{ from: NOW, to: null }], metAt: null },
    }[phase];
    expect(firstHistory(kind, status, NOW)).toEqual(expected);
  });
});
