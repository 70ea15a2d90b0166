import { describe, expect, it } from "vitest";
import { afterFailure, afterSuccess, attemptsLeft, isLocked, type PinState, pinFormat } from "../../../../src/modules/support-pin/domain/lockout.ts";

const at = (iso: string) => new Date(iso).getTime();
const FRESH: PinState = { failedAttempts: 0, lockedUntil: null };

describe("support PIN lockout: five wrong PINs in a row lock for 15 minutes", () => {
  it("counts down and locks on the fifth failure", () => {
    let state = FRESH;
    const now = at("2026-03-11T10:00:00Z");
    const seen = [];
    for (let i = 0; i < 5; i++) {
      state = afterFailure(state, now);
      seen.push([state.failedAttempts, attemptsLeft(state, now), state.lockedUntil === null ? null : new Date(state.lockedUntil).toISOString()]);
    }
    expect(seen).toEqual([
      [1, 4, null],
      [2, 3, null],
      [3, 2, null],
      [4, 1, null],
      [5, 0, "2026-03-11T10:15:00.000Z"],
    ]);
  });

  it.each([
    ["a minute before the end", "2026-03-11T10:14:00Z", true, 0],
    ["at the end", "2026-03-11T10:15:00Z", false, 5],
    ["an hour later", "2026-03-11T11:15:00Z", false, 5],
  ])("a lock until 10:15, %s: locked %s, %i attempts left", (_label, instant, locked, left) => {
    const state = { failedAttempts: 5, lockedUntil: at("2026-03-11T10:15:00Z") };
    expect(isLocked(state, at(instant))).toBe(locked);
    expect(attemptsLeft(state, at(instant))).toBe(left);
  });

  it("starts counting afresh after an expired lock, and a success resets", () => {
    const expired = { failedAttempts: 5, lockedUntil: at("2026-03-11T10:15:00Z") };
    expect(afterFailure(expired, at("2026-03-11T10:20:00Z"))).toEqual({ failedAttempts: 1, lockedUntil: null });
    expect(afterSuccess()).toEqual(FRESH);
  });

  it.each(["12345", "1234567", "12 456", "abcdef"])("refuses the malformed PIN %j", (pin) => {
    expect(() => pinFormat("pin", pin)).toThrow(expect.objectContaining({ code: "VALIDATION", field: "pin" }));
  });
});
