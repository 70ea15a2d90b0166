import { describe, expect, it } from "vitest";
import { DomainError } from "../../../../src/domain/errors.ts";
import {
  applyUnits,
  armedAfterThresholdChange,
  InsufficientUnitsError,
  lowBalanceAfter,
  type UnitEntryKind,
} from "../../../../src/modules/ledger/domain/index.ts";
import { expectValidationError } from "../../calendar/domain/support.ts";

describe("applyUnits: the overdraft rule", () => {
  const cases: [string, number, number, UnitEntryKind, number, number | { shortfall: number }][] = [
    // label, balance, overdraftLimit, kind, units, balance after or the refusal
    ["a purchase on an empty account", 0, 0, "PURCHASE", 20, 20],
    ["a debit inside the balance", 5, 0, "WORK_DEBIT", -5, 0],
    ["a debit one unit too far, no overdraft", 5, 0, "WORK_DEBIT", -6, { shortfall: 1 }],
    ["a debit into the overdraft", 2, 3, "WORK_DEBIT", -5, -3],
    ["a debit beyond the overdraft", 2, 3, "WORK_DEBIT", -6, { shortfall: 1 }],
    ["a debit while already overdrawn", -3, 3, "WORK_DEBIT", -1, { shortfall: 1 }],
    ["a purchase while overdrawn beyond a lowered limit", -5, 0, "PURCHASE", 4, -1],
    ["a negative adjustment within the overdraft", 1, 2, "ADJUSTMENT", -3, -2],
    ["a negative adjustment beyond the overdraft", 1, 2, "ADJUSTMENT", -4, { shortfall: 1 }],
    ["a reversal of a purchase whose units were spent", 1, 0, "REVERSAL", -4, { shortfall: 3 }],
    ["a reversal of a work debit", -2, 3, "REVERSAL", 3, 1],
    ["a refund of held units", 6, 0, "REFUND", -6, 0],
    ["a refund never uses the overdraft", 6, 10, "REFUND", -7, { shortfall: 1 }],
    ["a refund while overdrawn", -1, 10, "REFUND", -1, { shortfall: 2 }],
  ];

  it.each(cases)("%s", (_label, balance, overdraftLimit, kind, units, expected) => {
    if (typeof expected === "number") {
      expect(applyUnits({ balance, overdraftLimit }, kind, units)).toBe(expected);
      return;
    }
    let caught: unknown;
    try {
      applyUnits({ balance, overdraftLimit }, kind, units);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InsufficientUnitsError);
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: "INSUFFICIENT_UNITS", field: "units", balance, shortfall: expected.shortfall });
  });

  it("refuses a balance that would overflow", () => {
    expectValidationError(() => applyUnits({ balance: 999_999_999, overdraftLimit: 0 }, "PURCHASE", 2), "units");
  });
});

describe("lowBalanceAfter: warn once per low stretch", () => {
  const cases: [string, number, number, number, boolean, { alert: boolean; armed: boolean }][] = [
    // label, before, after, threshold, armed → result
    ["staying above the threshold", 10, 5, 4, true, { alert: false, armed: true }],
    ["crossing down onto the threshold", 5, 4, 4, true, { alert: true, armed: false }],
    ["crossing down below the threshold", 10, 1, 4, true, { alert: true, armed: false }],
    ["crossing into the overdraft", 3, -2, 0, true, { alert: true, armed: false }],
    ["falling further after the warning", 4, 2, 4, false, { alert: false, armed: false }],
    ["rising onto the threshold does not re-arm", 2, 4, 4, false, { alert: false, armed: false }],
    ["rising above the threshold re-arms", 2, 5, 4, false, { alert: false, armed: true }],
    ["a rising write while low and armed does not warn", 0, 3, 4, true, { alert: false, armed: true }],
    ["a lowering write after staff raised the threshold warns", 6, 5, 10, true, { alert: true, armed: false }],
    ["threshold 0: falling to zero warns", 1, 0, 0, true, { alert: true, armed: false }],
  ];
  it.each(cases)("%s", (_label, before, after, threshold, armed, expected) => {
    expect(lowBalanceAfter(before, after, { threshold, armed })).toEqual(expected);
  });

  it("a whole story: warned once, silent while low, warned again only after rising above", () => {
    let state = { threshold: 4, armed: true };
    const alerts: number[] = [];
    let balance = 0;
    for (const units of [20, -10, -6, -2, -1, 1, -1, 2, -1, 10, -14]) {
      const after = balance + units;
      const result = lowBalanceAfter(balance, after, state);
      if (result.alert) alerts.push(after);
      state = { ...state, armed: result.armed };
      balance = after;
    }
    // 20 → 10 → 4 (warn) → 2 → 1 → 2 → 1 → 3 → 2 → 12 (re-armed) → -2 (warn)
    expect(alerts).toEqual([4, -2]);
  });
});

describe("armedAfterThresholdChange", () => {
  it.each([
    ["lowered below the balance: re-armed", 5, 2, false, true],
    ["raised over the balance: keeps armed", 5, 10, true, true],
    ["raised over the balance after a warning: stays disarmed", 3, 10, false, false],
    ["equal to the balance: not above, stays disarmed", 4, 4, false, false],
  ])("%s", (_label, balance, threshold, armed, expected) => {
    expect(armedAfterThresholdChange(balance, threshold, armed)).toBe(expected);
  });
});
