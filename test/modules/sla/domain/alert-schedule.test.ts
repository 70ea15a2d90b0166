import { describe, expect, it } from "vitest";
import type { SlaClockHistory } from "../../../../src/modules/sla/domain/index.ts";
import { slaAlertSchedule, slaClockStatus } from "../../../../src/modules/sla/domain/index.ts";
import { at, berlin, expectValidationError, gold, history, paid, premium, premium24, slaClock, target } from "./support.ts";

const mon = (time: string) => `2026-03-02T${time}:00+01:00`;
const tue = (time: string) => `2026-03-03T${time}:00+01:00`;
/** The breach fires 1 ms after the due instant: a reply at the due instant itself is on time. */
const justAfter = (due: string) => berlin(at(due) + 1);
const schedule = (h: SlaClockHistory, thresholds?: number[], t = gold, calendar = paid) =>
  slaAlertSchedule(slaClock(t, calendar, h), thresholds).map(({ kind, threshold, at: instant }) => `${kind} ${threshold} ${berlin(instant)}`);

describe("slaAlertSchedule", () => {
  it.each<[string, SlaClockHistory, string[]]>([
    [
      "Gold from Monday 09:00: 75 % at 12:00, 90 % at 12:36, breach 1 ms after 13:00",
      history(mon("09:00")),
      [`WARNING 0.75 ${mon("12:00")}`, `WARNING 0.9 ${mon("12:36")}`, `BREACHED 1 ${justAfter(mon("13:00"))}`],
    ],
    [
      "resumed after an hour's pause: everything an hour later",
      history(mon("09:00"), [[mon("10:00"), mon("11:00")]]),
      [`WARNING 0.75 ${mon("13:00")}`, `WARNING 0.9 ${mon("13:36")}`, `BREACHED 1 ${justAfter(mon("14:00"))}`],
    ],
    [
      "75 % passed before the pause: its instant stays in the past",
      history(mon("09:00"), [[mon("12:30"), mon("14:00")]]),
      [`WARNING 0.75 ${mon("12:00")}`, `WARNING 0.9 ${mon("14:06")}`, `BREACHED 1 ${justAfter(mon("14:30"))}`],
    ],
    [
      "from Monday 16:00 the warnings fall on Tuesday",
      history(mon("16:00")),
      [`WARNING 0.75 ${tue("11:00")}`, `WARNING 0.9 ${tue("11:36")}`, `BREACHED 1 ${justAfter(tue("12:00"))}`],
    ],
    [
      "a breached running clock still lists its past instants",
      history(mon("09:00"), [[mon("14:00"), mon("15:00")]]),
      [`WARNING 0.75 ${mon("12:00")}`, `WARNING 0.9 ${mon("12:36")}`, `BREACHED 1 ${justAfter(mon("13:00"))}`],
    ],
    ["paused: none", history(mon("09:00"), [[mon("10:00"), null]]), []],
    ["met: none", history(mon("09:00"), [], mon("10:00")), []],
    ["not started: none", history(null), []],
  ])("%s", (_name, h, expected) => {
    expect(schedule(h)).toEqual(expected);
  });

  it("takes custom thresholds, sorted and without duplicates", () => {
    expect(schedule(history(mon("09:00")), [0.5, 0.25, 0.5])).toEqual([
      `WARNING 0.25 ${mon("10:00")}`,
      `WARNING 0.5 ${mon("11:00")}`,
      `BREACHED 1 ${justAfter(mon("13:00"))}`,
    ]);
    expect(schedule(history(mon("09:00")), [])).toEqual([`BREACHED 1 ${justAfter(mon("13:00"))}`]);
  });

  it("000 premium over Christmas: 24 working hours from Christmas Eve 10:00", () => {
    expect(schedule(history("2026-12-24T10:00:00+01:00"), undefined, premium24, premium)).toEqual([
      "WARNING 0.75 2026-12-28T04:00:00+01:00",
      "WARNING 0.9 2026-12-28T07:36:00+01:00",
      "BREACHED 1 2026-12-28T10:00:00.001+01:00",
    ]);
  });

  it("a DAYS target breaches just after its wall-time due, after the clock time ran out", () => {
    expect(schedule(history("2026-03-05T15:00:00+01:00"), [0.75], target(1, "DAYS", "BUSINESS_HOURS"), premium)).toEqual([
      "WARNING 0.75 2026-03-06T11:00:00+01:00",
      "BREACHED 1 2026-03-06T15:00:00.001+01:00",
    ]);
  });

  it("each warning is the first instant the status reaches its fraction; the breach is the status flip", () => {
    const clock = slaClock(gold, paid, history(mon("15:07"), [[mon("15:30"), tue("09:10")]]));
    for (const alert of slaAlertSchedule(clock, [0.3, 0.75, 0.9]).filter((a) => a.kind === "WARNING")) {
      expect(slaClockStatus(clock, alert.at).elapsedFraction).toBeGreaterThanOrEqual(alert.threshold);
      expect(slaClockStatus(clock, alert.at - 1).elapsedFraction).toBeLessThan(alert.threshold);
    }
    const breach = slaAlertSchedule(clock).at(-1)!.at;
    expect([slaClockStatus(clock, breach - 1).state, slaClockStatus(clock, breach).state]).toEqual(["RUNNING", "BREACHED"]);
  });

  it.each([[[0]], [[1]], [[0.5, 1.5]], [[Number.NaN]]])("rejects thresholds %j", (thresholds) => {
    expectValidationError(() => slaAlertSchedule(slaClock(gold, paid, history(mon("09:00"))), thresholds), `thresholds.${thresholds.length - 1}`);
  });

  it("needs no instant: the schedule depends on the history alone", () => {
    expect(slaAlertSchedule(slaClock(gold, paid, history(mon("09:00"))))[0]!.at).toBe(at(mon("12:00")));
  });
});
