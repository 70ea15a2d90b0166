import { describe, expect, it } from "vitest";
import { REASON_CODES, type ReasonCode } from "../../../../src/modules/entitlement/domain/index.ts";
import { intakeKind, NotEntitledError, REFUSING, WrittenChannelRequiredError } from "../../../../src/modules/ticket/domain/index.ts";

const reason = (code: ReasonCode, blocking = true) => ({ code, message: `because ${code}`, blocking });
const channels = [
  { channel: "EMAIL" as const, calendarId: "c", open: true, nextOpeningAt: null, languages: ["en"], pinRequired: false, written: true },
  { channel: "PHONE" as const, calendarId: "c", open: true, nextOpeningAt: null, languages: ["en"], pinRequired: false, written: false },
];
const kindOf = (...reasons: ReturnType<typeof reason>[]) => intakeKind({ reasons, channels });
/** What `run` threw (a test fails when it throws nothing). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal, got none");
}

describe("what the entitlement answer makes of a ticket request", () => {
  it.each<[string, ReturnType<typeof reason>[], "STANDARD" | "PAID_OFFER"]>([
    ["no reasons: a standard ticket", [], "STANDARD"],
    ["a closed channel: still standard (the clocks start at its next opening)", [reason("CHANNEL_CLOSED")], "STANDARD"],
    ["out of scope: a paid-offer request", [reason("OUT_OF_SCOPE")], "PAID_OFFER"],
    ["out of scope and closed: a paid-offer request", [reason("CHANNEL_CLOSED"), reason("OUT_OF_SCOPE")], "PAID_OFFER"],
    ["what only reports does not block (a PIN to verify, a fallback)", [reason("PIN_REQUIRED", false), reason("PAYMENT_OVERDUE", false)], "STANDARD"],
  ])("%s", (_case, reasons, kind) => {
    expect(kindOf(...reasons)).toBe(kind);
  });

  it.each([...REFUSING].map((code) => [code]))("%s refuses, with every refusing reason", (code) => {
    const refusal = thrown(() => kindOf(reason("CHANNEL_CLOSED"), reason(code), reason("OUT_OF_SCOPE")));
    expect(refusal).toBeInstanceOf(NotEntitledError);
    expect((refusal as NotEntitledError).reasons.map((r) => r.code)).toEqual([code]);
  });

  it("a written-only request on a spoken channel names the written channels, before any refusal", () => {
    const refusal = thrown(() => kindOf(reason("PREMIUM_REQUIRED"), reason("WRITTEN_CHANNEL_REQUIRED")));
    expect(refusal).toBeInstanceOf(WrittenChannelRequiredError);
    expect((refusal as WrittenChannelRequiredError).writtenChannels).toEqual(["EMAIL"]);
  });

  it("every reason code is decided: refusing, its own error, or accepted", () => {
    const accepted = REASON_CODES.filter((code) => !REFUSING.has(code) && code !== "WRITTEN_CHANNEL_REQUIRED");
    expect(accepted).toEqual(["CHANNEL_CLOSED", "OUT_OF_SCOPE", "PIN_REQUIRED"]);
  });
});
