import { describe, expect, it } from "vitest";
import type { SlaClockAction, SlaClockHistory } from "../../../../src/modules/sla/domain/index.ts";
import { slaClockApply, slaClockPhase, slaClockStatus } from "../../../../src/modules/sla/domain/index.ts";
import { at, expectDomainError, expectValidationError, gold, HOUR, paid, slaClock } from "./support.ts";

const mon = (time: string) => at(`2026-03-02T${time}:00+01:00`);

function replay(steps: [SlaClockAction, number][]): SlaClockHistory {
  return steps.reduce<SlaClockHistory | null>((h, [action, instant]) => slaClockApply(h, action, instant), null)!;
}

describe("clock changes: the history the lifecycle's effects produce", () => {
  it("start, pause, resume, meet", () => {
    const h = replay([
      ["START", mon("09:00")],
      ["PAUSE", mon("10:00")],
      ["RESUME", mon("11:00")],
      ["MEET", mon("12:00")],
    ]);
    expect(h).toEqual({ startedAt: mon("09:00"), pauses: [{ from: mon("10:00"), to: mon("11:00") }], metAt: mon("12:00") });
    expect(slaClockPhase(h)).toBe("MET");
  });

  it("meeting a paused clock closes its pause", () => {
    const h = replay([
      ["START", mon("09:00")],
      ["PAUSE", mon("10:00")],
      ["MEET", mon("11:00")],
    ]);
    expect(h.pauses).toEqual([{ from: mon("10:00"), to: mon("11:00") }]);
  });

  it("reopening withdraws the met mark; the time it stood met is a pause, merged with one that ended there", () => {
    const reopened = replay([
      ["START", mon("09:00")],
      ["MEET", mon("10:00")],
      ["REOPEN", mon("14:00")],
    ]);
    expect(reopened).toEqual({ startedAt: mon("09:00"), pauses: [{ from: mon("10:00"), to: mon("14:00") }], metAt: null });
    expect(slaClockStatus(slaClock(gold, paid, reopened), mon("15:00")).elapsedMs).toBe(2 * HOUR);
    const merged = replay([
      ["START", mon("09:00")],
      ["PAUSE", mon("10:00")],
      ["MEET", mon("11:00")],
      ["REOPEN", mon("14:00")],
    ]);
    expect(merged.pauses).toEqual([{ from: mon("10:00"), to: mon("14:00") }]);
  });

  it("phases", () => {
    expect(slaClockPhase({ startedAt: null, pauses: [], metAt: null })).toBe("NOT_STARTED");
    expect(slaClockPhase(replay([["START", mon("09:00")]]))).toBe("RUNNING");
    expect(
      slaClockPhase(
        replay([
          ["START", mon("09:00")],
          ["PAUSE", mon("10:00")],
        ]),
      ),
    ).toBe("PAUSED");
  });

  it.each<[string, [SlaClockAction, number][], SlaClockAction]>([
    [
      "pause a paused clock",
      [
        ["START", mon("09:00")],
        ["PAUSE", mon("10:00")],
      ],
      "PAUSE",
    ],
    ["resume a running clock", [["START", mon("09:00")]], "RESUME"],
    [
      "meet a met clock",
      [
        ["START", mon("09:00")],
        ["MEET", mon("10:00")],
      ],
      "MEET",
    ],
    ["reopen a running clock", [["START", mon("09:00")]], "REOPEN"],
  ])("refuses to %s (CONFLICT)", (_name, steps, action) => {
    expectDomainError(() => slaClockApply(replay(steps), action, mon("12:00")), "CONFLICT", "clock");
  });

  it("refuses a change to a clock that does not exist, and going back in time", () => {
    expectDomainError(() => slaClockApply(null, "PAUSE", mon("12:00")), "CONFLICT", "clock");
    expectValidationError(
      () =>
        slaClockApply(
          replay([
            ["START", mon("09:00")],
            ["PAUSE", mon("10:00")],
          ]),
          "RESUME",
          mon("09:30"),
        ),
      "at",
    );
  });
});
