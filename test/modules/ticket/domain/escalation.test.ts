import { describe, expect, it } from "vitest";
import type { SlaClockHistory } from "../../../../src/modules/sla/domain/index.ts";
import type { SupportChannel } from "../../../../src/modules/tier/domain/channels.ts";
import { assertEscalationAllowed, TooEarlyToEscalateError } from "../../../../src/modules/ticket/domain/index.ts";
import { allWeek, at, berlin, expectDomainError, history, slaClock, target } from "../../sla/domain/support.ts";

// 004: tickets 24/7 with a 24-hour response time; wait for it before escalating by chat or phone.
const response24h = target(24, "HOURS", "CALENDAR");
const clock = (h: SlaClockHistory) => slaClock(response24h, allWeek, h);
const opened = history("2026-03-02T10:00:00+01:00");

function allowedAt(channel: SupportChannel, h: SlaClockHistory | null, now: string): string | null | "ALLOWED" {
  try {
    assertEscalationAllowed(channel, h === null ? null : clock(h), at(now));
    return "ALLOWED";
  } catch (error) {
    if (!(error instanceof TooEarlyToEscalateError)) throw error;
    return berlin(error.allowedAt);
  }
}

describe("escalation by chat or phone (004)", () => {
  it.each<[string, SupportChannel, SlaClockHistory | null, string, string | null]>([
    ["chat 8 hours after opening: wait until the due instant", "CHAT", opened, "2026-03-02T18:00:00+01:00", "2026-03-03T10:00:00+01:00"],
    ["phone 1 ms before the due instant", "PHONE", opened, "2026-03-03T09:59:59.999+01:00", "2026-03-03T10:00:00+01:00"],
    ["phone at the due instant: allowed", "PHONE", opened, "2026-03-03T10:00:00+01:00", "ALLOWED"],
    [
      "chat after the first response: allowed",
      "CHAT",
      history("2026-03-02T10:00:00+01:00", [], "2026-03-02T11:00:00+01:00"),
      "2026-03-02T12:00:00+01:00",
      "ALLOWED",
    ],
    ["a new ticket or an e-mail is never an escalation", "TICKET", opened, "2026-03-02T12:00:00+01:00", "ALLOWED"],
    ["e-mail", "EMAIL", opened, "2026-03-02T12:00:00+01:00", "ALLOWED"],
    ["no open ticket about the matter", "PHONE", null, "2026-03-02T12:00:00+01:00", "ALLOWED"],
    [
      "paused (awaiting the customer): the due if it resumed now",
      "CHAT",
      history("2026-03-02T10:00:00+01:00", [["2026-03-02T12:00:00+01:00", null]]),
      "2026-03-02T18:00:00+01:00",
      "2026-03-03T16:00:00+01:00",
    ],
    ["not started (awaiting required information): not known yet", "CHAT", history(null), "2026-03-02T18:00:00+01:00", null],
    ["over spring forward the 24 hours are real hours", "CHAT", history("2026-03-28T12:00:00+01:00"), "2026-03-29T12:30:00+02:00", "2026-03-29T13:00:00+02:00"],
  ])("%s", (_name, channel, h, now, expected) => {
    expect(allowedAt(channel, h, now)).toBe(expected);
  });

  it("is a DomainError TOO_EARLY_TO_ESCALATE on the channel field", () => {
    expectDomainError(() => assertEscalationAllowed("CHAT", clock(opened), at("2026-03-02T18:00:00+01:00")), "TOO_EARLY_TO_ESCALATE", "channel");
    expect(() => assertEscalationAllowed("CHAT", clock(opened), at("2026-03-02T18:00:00+01:00"))).toThrow("2026-03-03T09:00:00.000Z");
  });
});
