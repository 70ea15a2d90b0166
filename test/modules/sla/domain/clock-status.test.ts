import { describe, expect, it } from "vitest";
import type { SlaClockStatus } from "../../../../src/modules/sla/domain/index.ts";
import { slaClockStatus } from "../../../../src/modules/sla/domain/index.ts";
import { at, berlin, expectValidationError, gold, history, HOUR, MINUTE, paid, slaClock, target } from "./support.ts";

const mon = (time: string) => `2026-03-02T${time}:00+01:00`;
const tue = (time: string) => `2026-03-03T${time}:00+01:00`;
const view = ({ state, dueAt, elapsedMs, remainingMs, elapsedFraction, breached, metLate, running }: SlaClockStatus) => ({
  state,
  dueAt: berlin(dueAt),
  elapsedMs,
  remainingMs,
  elapsedFraction,
  breached,
  metLate,
  running,
});

describe("Gold (4 business hours, Mon–Fri 09–17) started Monday 09:00", () => {
  const started = history(mon("09:00"));
  const pausedAt10 = history(mon("09:00"), [[mon("10:00"), null]]);
  const resumedAt11 = history(mon("09:00"), [[mon("10:00"), mon("11:00")]]);

  it.each<[string, ReturnType<typeof history>, string, ReturnType<typeof view>]>([
    [
      "running",
      started,
      mon("11:00"),
      {
        state: "RUNNING",
        dueAt: mon("13:00"),
        elapsedMs: 2 * HOUR,
        remainingMs: 2 * HOUR,
        elapsedFraction: 0.5,
        breached: false,
        metLate: false,
        running: true,
      },
    ],
    [
      "paused: no due, the remainder frozen",
      pausedAt10,
      mon("10:30"),
      { state: "PAUSED", dueAt: null, elapsedMs: HOUR, remainingMs: 3 * HOUR, elapsedFraction: 0.25, breached: false, metLate: false, running: false },
    ],
    [
      "still paused the next day, nothing moved",
      pausedAt10,
      tue("16:00"),
      { state: "PAUSED", dueAt: null, elapsedMs: HOUR, remainingMs: 3 * HOUR, elapsedFraction: 0.25, breached: false, metLate: false, running: false },
    ],
    [
      "resumed: the due moved by the pause",
      resumedAt11,
      mon("11:00"),
      { state: "RUNNING", dueAt: mon("14:00"), elapsedMs: HOUR, remainingMs: 3 * HOUR, elapsedFraction: 0.25, breached: false, metLate: false, running: true },
    ],
    [
      "breached: remainder negative",
      started,
      mon("14:30"),
      {
        state: "BREACHED",
        dueAt: mon("13:00"),
        elapsedMs: 5.5 * HOUR,
        remainingMs: -1.5 * HOUR,
        elapsedFraction: 1.375,
        breached: true,
        metLate: false,
        running: true,
      },
    ],
    [
      "breached overnight counts business time only",
      started,
      tue("09:30"),
      {
        state: "BREACHED",
        dueAt: mon("13:00"),
        elapsedMs: 8.5 * HOUR,
        remainingMs: -4.5 * HOUR,
        elapsedFraction: 2.125,
        breached: true,
        metLate: false,
        running: true,
      },
    ],
    [
      "met in time",
      history(mon("09:00"), [], mon("12:59")),
      tue("10:00"),
      {
        state: "MET",
        dueAt: mon("13:00"),
        elapsedMs: 3 * HOUR + 59 * MINUTE,
        remainingMs: MINUTE,
        elapsedFraction: 239 / 240,
        breached: false,
        metLate: false,
        running: false,
      },
    ],
    [
      "met late",
      history(mon("09:00"), [], mon("13:30")),
      tue("10:00"),
      {
        state: "MET_LATE",
        dueAt: mon("13:00"),
        elapsedMs: 4.5 * HOUR,
        remainingMs: -0.5 * HOUR,
        elapsedFraction: 1.125,
        breached: true,
        metLate: true,
        running: false,
      },
    ],
    [
      "met while paused, with the pause closed at that instant",
      history(mon("09:00"), [[mon("10:00"), mon("15:00")]], mon("15:00")),
      mon("16:00"),
      { state: "MET", dueAt: tue("10:00"), elapsedMs: HOUR, remainingMs: 3 * HOUR, elapsedFraction: 0.25, breached: false, metLate: false, running: false },
    ],
    [
      "breached, then paused: stays BREACHED with its due",
      history(mon("09:00"), [[mon("14:00"), null]]),
      mon("16:00"),
      {
        state: "BREACHED",
        dueAt: mon("13:00"),
        elapsedMs: 5 * HOUR,
        remainingMs: -HOUR,
        elapsedFraction: 1.25,
        breached: true,
        metLate: false,
        running: false,
      },
    ],
    [
      "paused exactly at the due instant: on time, nothing left",
      history(mon("09:00"), [[mon("13:00"), null]]),
      mon("16:00"),
      { state: "PAUSED", dueAt: null, elapsedMs: 4 * HOUR, remainingMs: 0, elapsedFraction: 1, breached: false, metLate: false, running: false },
    ],
    [
      "paused 1 ms after the due instant: BREACHED",
      history(mon("09:00"), [["2026-03-02T13:00:00.001+01:00", null]]),
      mon("16:00"),
      {
        state: "BREACHED",
        dueAt: mon("13:00"),
        elapsedMs: 4 * HOUR + 1,
        remainingMs: -1,
        elapsedFraction: (4 * HOUR + 1) / (4 * HOUR),
        breached: true,
        metLate: false,
        running: false,
      },
    ],
  ])("%s", (_name, h, now, expected) => {
    expect(view(slaClockStatus(slaClock(gold, paid, h), at(now)))).toEqual(expected);
  });

  it("met 1 ms before the due instant and at it is MET, 1 ms after it MET_LATE", () => {
    const metAt = (ms: number) => slaClockStatus(slaClock(gold, paid, { ...started, metAt: ms }), at(tue("09:00"))).state;
    expect([-1, 0, 1].map((offset) => metAt(at(mon("13:00")) + offset))).toEqual(["MET", "MET", "MET_LATE"]);
  });

  it("answers for any past instant from the full history: later events are ignored", () => {
    const full = history(mon("09:00"), [[mon("10:00"), mon("11:00")]], mon("12:00"));
    const states = [mon("08:59"), mon("09:00"), mon("10:00"), mon("10:59"), mon("11:00"), mon("12:00")].map(
      (now) => slaClockStatus(slaClock(gold, paid, full), at(now)).state,
    );
    expect(states).toEqual(["NOT_STARTED", "RUNNING", "PAUSED", "PAUSED", "RUNNING", "MET"]);
    expect(slaClockStatus(slaClock(gold, paid, full), at(mon("10:30"))).elapsedMs).toBe(HOUR);
  });

  it("is NOT_STARTED without a start (awaiting required information); a DAYS budget is not known yet", () => {
    const notStarted = history(null);
    expect(view(slaClockStatus(slaClock(gold, paid, notStarted), at(mon("12:00"))))).toEqual({
      state: "NOT_STARTED",
      dueAt: null,
      elapsedMs: 0,
      remainingMs: 4 * HOUR,
      elapsedFraction: 0,
      breached: false,
      metLate: false,
      running: false,
    });
    const days = slaClockStatus(slaClock(target(2, "DAYS", "WORKING_DAYS"), paid, notStarted), at(mon("12:00")));
    expect({ budgetMs: days.budgetMs, remainingMs: days.remainingMs }).toEqual({ budgetMs: null, remainingMs: null });
  });

  it("flags best-effort targets and computes them the same", () => {
    const basis = target(2, "DAYS", "WORKING_DAYS", { guaranteed: false });
    const bestEffort = slaClockStatus(slaClock(basis, paid, started), at(mon("10:00")));
    const guaranteed = slaClockStatus(slaClock({ ...basis, guaranteed: true }, paid, started), at(mon("10:00")));
    expect(bestEffort.guaranteed).toBe(false);
    expect({ ...bestEffort, guaranteed: true }).toEqual(guaranteed);
    expect(berlin(bestEffort.dueAt)).toBe(mon("09:00").replace("02T", "04T"));
  });

  it("carries the kind, start and met instants", () => {
    const status = slaClockStatus(slaClock({ ...gold, kind: "RESOLUTION" }, paid, history(mon("09:00"), [], mon("10:00"))), at(mon("11:00")));
    expect({ kind: status.kind, startedAt: berlin(status.startedAt), metAt: berlin(status.metAt) }).toEqual({
      kind: "RESOLUTION",
      startedAt: mon("09:00"),
      metAt: mon("10:00"),
    });
  });
});

describe("re-targeting: a new target over the same history", () => {
  const h = history(mon("09:00"), [[mon("10:00"), mon("11:00")]]);
  const bronze = target(12, "HOURS", "BUSINESS_HOURS");

  it.each<[string, ReturnType<typeof target>, string, string, string]>([
    ["Bronze → Gold before the new due: runs until Monday 14:00", gold, mon("12:00"), "RUNNING", mon("14:00")],
    ["Bronze → Gold after the new due: breached at once", gold, mon("15:00"), "BREACHED", mon("14:00")],
    ["Gold → Bronze: the due moves out to Tuesday", bronze, mon("15:00"), "RUNNING", tue("14:00")],
    ["Gold → 24 h on whole working days: elapsed re-measured on the new clock", target(24, "HOURS", "WORKING_DAYS"), mon("15:00"), "RUNNING", tue("10:00")],
  ])("%s", (_name, newTarget, now, state, due) => {
    const before = slaClockStatus(slaClock(newTarget === bronze ? gold : bronze, paid, h), at(now));
    const after = slaClockStatus(slaClock(newTarget, paid, h), at(now));
    expect({ state: after.state, due: berlin(after.dueAt) }).toEqual({ state, due });
    if (newTarget.clock === "BUSINESS_HOURS") expect(after.elapsedMs).toBe(before.elapsedMs);
    expect(after.remainingMs).toBe(after.budgetMs! - after.elapsedMs);
  });
});

describe("validation names the field", () => {
  const clockWith =
    (h: ReturnType<typeof history>, t = gold) =>
    () =>
      slaClockStatus(slaClock(t, paid, h), at(tue("12:00")));

  it.each<[string, string, () => unknown]>([
    [
      "overlapping pauses",
      "pauses.1.from",
      clockWith(
        history(mon("09:00"), [
          [mon("10:00"), mon("11:00")],
          [mon("10:30"), mon("12:00")],
        ]),
      ),
    ],
    ["a pause before the start", "pauses.0.from", clockWith(history(mon("09:00"), [[mon("08:00"), mon("10:00")]]))],
    [
      "an open pause that is not the last",
      "pauses.0.to",
      clockWith(
        history(mon("09:00"), [
          [mon("10:00"), null],
          [mon("11:00"), mon("12:00")],
        ]),
      ),
    ],
    ["a pause ending before it begins", "pauses.0.to", clockWith(history(mon("09:00"), [[mon("10:00"), mon("09:30")]]))],
    ["met before the start", "metAt", clockWith(history(mon("09:00"), [], mon("08:00")))],
    ["pauses without a start", "pauses", clockWith({ startedAt: null, pauses: [{ from: 0, to: 1 }], metAt: null })],
    ["met without a start", "metAt", clockWith({ startedAt: null, pauses: [], metAt: 0 })],
    ["a fractional instant", "startedAt", clockWith({ startedAt: 0.5, pauses: [], metAt: null })],
    ["amount 0", "target.amount", clockWith(history(mon("09:00")), target(0, "HOURS", "BUSINESS_HOURS"))],
    ["half a day", "target.amount", clockWith(history(mon("09:00")), target(1.5, "DAYS", "WORKING_DAYS"))],
    ["more than ten years", "target.amount", clockWith(history(mon("09:00")), target(4000, "DAYS", "CALENDAR"))],
    ["an unknown clock", "target.clock", clockWith(history(mon("09:00")), target(1, "HOURS", "SOMETIMES" as never))],
    ["an unknown unit", "target.unit", clockWith(history(mon("09:00")), target(1, "WEEKS" as never, "CALENDAR"))],
    ["an unknown kind", "target.kind", clockWith(history(mon("09:00")), target(1, "HOURS", "CALENDAR", { kind: "CALLBACK" as never }))],
  ])("%s → %s", (_name, field, run) => {
    expectValidationError(run, field);
  });
});
