import { describe, expect, it } from "vitest";
import { idempotencyKey, lowBalanceThreshold, overdraftLimit, reason, reference } from "../../../../src/modules/ledger/domain/index.ts";
import { expectValidationError } from "../../calendar/domain/support.ts";

describe("ledger write inputs", () => {
  it.each([["0195a0c2-7c1e-7b3a-9d2f-3c4b5a697887"], ["order-123:retry"], ["k"]])("accepts the idempotency key %s", (key) => {
    expect(idempotencyKey("idempotencyKey", key)).toBe(key);
  });
  it.each([[""], ["has space"], ["ü-umlaut"], ["k".repeat(129)]])("refuses the idempotency key %j", (key) => {
    expectValidationError(() => idempotencyKey("idempotencyKey", key), "idempotencyKey");
  });

  it.each([
    ["a required reason", "  goodwill  ", true, "goodwill"],
    ["an optional missing reason", null, false, null],
    ["an optional blank reason", "   ", false, null],
  ])("reason: %s", (_label, value, required, expected) => {
    expect(reason("reason", value, required)).toBe(expected);
  });
  it.each([
    ["missing", null],
    ["blank", " \t "],
    ["overlong", "r".repeat(501)],
  ])("refuses a %s required reason", (_label, value) => expectValidationError(() => reason("reason", value, true), "reason"));
  it("refuses an overlong optional reason", () => expectValidationError(() => reason("reason", "r".repeat(501), false), "reason"));

  it.each([[""], ["a b"], ["x".repeat(65)]])("refuses the reference %j", (value) => expectValidationError(() => reference("workLogId", value), "workLogId"));

  it.each([
    [lowBalanceThreshold, "lowBalanceThreshold", 0, true],
    [lowBalanceThreshold, "lowBalanceThreshold", 100_000, true],
    [lowBalanceThreshold, "lowBalanceThreshold", -1, false],
    [overdraftLimit, "overdraftLimit", 8, true],
    [overdraftLimit, "overdraftLimit", 1.5, false],
    [overdraftLimit, "overdraftLimit", 100_001, false],
  ])("settings: %o %s = %s valid: %s", (check, field, value, valid) => {
    if (valid) expect(check(field, value)).toBe(value);
    else expectValidationError(() => check(field, value), field);
  });
});
