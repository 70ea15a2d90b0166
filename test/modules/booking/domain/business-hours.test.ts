import { describe, expect, it } from "vitest";
import { installationCet, premiumBerlin, ticket247 } from "../../../../src/seed/demo/calendars.ts";
import { CRM_ADDONS } from "../../../../src/seed/demo/policies/001-crm-addons.ts";
import { proposedSlots } from "../../../../src/modules/booking/domain/booking-slots.ts";
import { applyHoursRule, insideHours, sessionCalendarId } from "../../../../src/modules/booking/domain/business-hours.ts";
import { AtLeastTwoProposalsRequiredError } from "../../../../src/modules/booking/domain/errors.ts";
import { compileCalendar } from "../../../../src/modules/calendar/domain/index.ts";
import { specsOf } from "../../entitlement/domain/catalog-specs.ts";
import { at } from "../../calendar/domain/support.ts";

const installation = compileCalendar(installationCet); // Mon–Fri 07:00–18:00 Europe/Berlin
const premium = compileCalendar(premiumBerlin); // Mon–Thu 09–12 and 13–16, Fri 09–12, DE holidays
const allWeek = compileCalendar(ticket247);
const slot = (start: string, minutes: number) => proposedSlots([at(start)], minutes)[0]!;
const NOW = at("2026-03-09T08:00:00+01:00");

describe("a slot is inside the hours when the calendar is open for every minute of it", () => {
  it.each([
    ["Tuesday 10:00–11:00", installation, "2026-03-10T10:00:00+01:00", 60, true],
    ["Tuesday 17:00–18:00, ending at closing time", installation, "2026-03-10T17:00:00+01:00", 60, true],
    ["Tuesday 17:30–18:30, past closing time", installation, "2026-03-10T17:30:00+01:00", 60, false],
    ["Tuesday 06:30–07:30, before opening", installation, "2026-03-10T06:30:00+01:00", 60, false],
    ["Tuesday 10:00–18:00, the whole rest of the day", installation, "2026-03-10T10:00:00+01:00", 480, true],
    ["Tuesday 10:30–18:30", installation, "2026-03-10T10:30:00+01:00", 480, false],
    ["Saturday 10:00", installation, "2026-03-14T10:00:00+01:00", 60, false],
    ["Friday before the spring change, 07:00 CET (06:00 UTC)", installation, "2026-03-27T07:00:00+01:00", 60, true],
    ["Monday after it, 07:00 CEST (05:00 UTC): wall time stays", installation, "2026-03-30T07:00:00+02:00", 60, true],
    ["Monday after it, 06:30 CEST (04:30 UTC)", installation, "2026-03-30T06:30:00+02:00", 60, false],
    ["Friday before the autumn change, 07:00 CEST (05:00 UTC)", installation, "2026-10-23T07:00:00+02:00", 30, true],
    ["Monday after it, 06:45 CET (05:45 UTC)", installation, "2026-10-26T06:45:00+01:00", 30, false],
    ["across a lunch break, 11:30–12:30", premium, "2026-03-10T11:30:00+01:00", 60, false],
    ["after the lunch break, 13:00–14:00", premium, "2026-03-10T13:00:00+01:00", 60, true],
    ["on Good Friday (a DE holiday)", premium, "2026-04-03T09:00:00+02:00", 60, false],
    ["across midnight in a 24/7 calendar", allWeek, "2026-03-10T23:30:00+01:00", 60, true],
  ])("%s: %s", (_label, hours, start, minutes, inside) => {
    expect(insideHours(hours, slot(start, minutes))).toBe(inside);
  });
});

describe("001: inside business hours one date is enough, outside them at least two", () => {
  const rule = (starts: string[], minutes = 60, hours: typeof installation | null = installation) =>
    applyHoursRule(proposedSlots(starts.map(at), minutes), hours, NOW).map((proposal) => proposal.insideHours);
  const suggestion = (starts: string[], minutes = 60, hours: typeof installation | null = installation) => {
    try {
      rule(starts, minutes, hours);
    } catch (error) {
      expect(error).toBeInstanceOf(AtLeastTwoProposalsRequiredError);
      const refused = error as AtLeastTwoProposalsRequiredError;
      expect({ code: refused.code, field: refused.field }).toEqual({ code: "AT_LEAST_TWO_PROPOSALS_REQUIRED", field: "proposals" });
      return refused.suggestedStart === null ? null : new Date(refused.suggestedStart).toISOString();
    }
    throw new Error("expected AtLeastTwoProposalsRequiredError");
  };

  it.each([
    ["one date inside", ["2026-03-10T10:00:00+01:00"], [true]],
    ["two dates outside", ["2026-03-10T19:00:00+01:00", "2026-03-14T10:00:00+01:00"], [false, false]],
    ["one inside, one outside", ["2026-03-14T10:00:00+01:00", "2026-03-10T10:00:00+01:00"], [false, true]],
  ])("accepts %s", (_label, starts, inside) => {
    expect(rule(starts)).toEqual(inside);
  });

  it.each([
    ["Tuesday evening: Wednesday 07:00", ["2026-03-10T17:30:00+01:00"], 60, "2026-03-11T06:00:00.000Z"],
    ["Saturday: Monday 07:00", ["2026-03-14T10:00:00+01:00"], 60, "2026-03-16T06:00:00.000Z"],
    ["8 hours from 10:30 do not fit that day: Wednesday 07:00", ["2026-03-10T10:30:00+01:00"], 480, "2026-03-11T06:00:00.000Z"],
    ["Friday evening before the spring change: Monday 07:00 CEST", ["2026-03-27T18:30:00+01:00"], 60, "2026-03-30T05:00:00.000Z"],
  ])("refuses a single date outside (%s suggested)", (_label, starts, minutes, suggested) => {
    expect(suggestion(starts, minutes)).toBe(suggested);
  });

  it("without any session hours every date is outside: two are needed and nothing is suggested", () => {
    expect(suggestion(["2026-03-10T10:00:00+01:00"], 60, null)).toBeNull();
    expect(rule(["2026-03-10T10:00:00+01:00", "2026-03-11T10:00:00+01:00"], 60, null)).toEqual([false, false]);
  });
});

describe("the session hours of a tier", () => {
  const { tier } = specsOf(CRM_ADDONS);
  const target = {
    kind: "FIRST_RESPONSE" as const,
    amount: 1,
    unit: "DAYS" as const,
    clock: "WORKING_DAYS" as const,
    calendarId: "support",
    guaranteed: false,
  };
  const channel = (name: "REMOTE_SESSION" | "PHONE") => ({ channel: name, calendarId: name.toLowerCase(), languages: ["de"], pinRequired: false });

  it("are its REMOTE_SESSION channel's calendar (001 premium: the office, Mon–Fri 07–18)", () => {
    expect(sessionCalendarId(tier("CRM-PREMIUM"))).toBe("office");
    expect(sessionCalendarId({ channels: [channel("PHONE"), channel("REMOTE_SESSION")], targets: [target] })).toBe("remote_session");
  });

  it("else its FIRST_RESPONSE calendar", () => {
    expect(sessionCalendarId({ channels: [channel("PHONE")], targets: [target] })).toBe("support");
  });

  it("else none", () => {
    expect(sessionCalendarId({ channels: [], targets: [] })).toBeNull();
  });
});
