import { describe, expect, it } from "vitest";
import type { QueueFilter, QueueTicket } from "../../../../src/modules/queue/domain/index.ts";
import { queueCompare, queueCounts, queueFilterMatches, queueSla } from "../../../../src/modules/queue/domain/index.ts";
import type { SlaClockStatus } from "../../../../src/modules/sla/domain/index.ts";
import { slaClockStatus } from "../../../../src/modules/sla/domain/index.ts";
import { at, gold, history, paid, slaClock } from "../../sla/domain/support.ts";

const t = (time: string) => at(`2026-03-02T${time}:00+01:00`);

function ticket(id: string, overrides: Partial<QueueTicket> = {}): QueueTicket {
  return {
    id,
    createdAt: t("08:00"),
    status: "OPEN",
    priorityRank: 2,
    tierId: "bronze",
    channel: "TICKET",
    language: "de",
    teamId: "support",
    assigneeId: null,
    nextDueAt: null,
    breached: false,
    atRisk: false,
    ...overrides,
  };
}

describe("queue order: priority, then due, then first come first served", () => {
  it("sorts a mixed queue", () => {
    const queue = [
      ticket("no-clock-early", { createdAt: t("07:00") }),
      ticket("due-13", { nextDueAt: t("13:00") }),
      ticket("highest-late", { priorityRank: 4, nextDueAt: t("17:00"), createdAt: t("09:30") }),
      ticket("low-overdue", { priorityRank: 1, nextDueAt: t("08:30") }),
      ticket("due-11", { nextDueAt: t("11:00"), createdAt: t("09:00") }),
      ticket("overdue", { nextDueAt: t("09:00"), createdAt: t("09:10") }),
      ticket("high", { priorityRank: 3 }),
      ticket("no-clock-late", { createdAt: t("08:30") }),
      ticket("due-11-b", { nextDueAt: t("11:00"), createdAt: t("09:00") }),
      ticket("due-11-a", { nextDueAt: t("11:00"), createdAt: t("09:00") }),
    ];
    expect([...queue].sort(queueCompare).map(({ id }) => id)).toEqual([
      "highest-late",
      "high",
      "overdue",
      "due-11",
      "due-11-a",
      "due-11-b",
      "due-13",
      "no-clock-early",
      "no-clock-late",
      "low-overdue",
    ]);
  });

  it("is a total order: antisymmetric, and 0 only for the same id", () => {
    const a = ticket("a", { nextDueAt: t("11:00") });
    const b = ticket("b", { nextDueAt: t("11:00") });
    expect(Math.sign(queueCompare(a, b))).toBe(-Math.sign(queueCompare(b, a)));
    expect(queueCompare(a, b)).not.toBe(0);
    expect(queueCompare(a, { ...a })).toBe(0);
  });
});

describe("queueSla from clock statuses", () => {
  const status = (h: ReturnType<typeof history>, now: string): SlaClockStatus => slaClockStatus(slaClock(gold, paid, h), t(now));

  it.each<[string, SlaClockStatus[], ReturnType<typeof queueSla>]>([
    ["no clocks", [], { nextDueAt: null, breached: false, atRisk: false }],
    ["running at half time", [status(history("2026-03-02T09:00:00+01:00"), "11:00")], { nextDueAt: t("13:00"), breached: false, atRisk: false }],
    ["running at 75 %: at risk", [status(history("2026-03-02T09:00:00+01:00"), "12:00")], { nextDueAt: t("13:00"), breached: false, atRisk: true }],
    ["breached and running: its past due still orders it", [status(history("2026-03-02T09:00:00+01:00"), "14:00")], { nextDueAt: t("13:00"), breached: true, atRisk: false }],
    ["paused at 75 %: at risk, no due", [status(history("2026-03-02T09:00:00+01:00", [["2026-03-02T12:00:00+01:00", null]]), "15:00")], { nextDueAt: null, breached: false, atRisk: true }],
    ["met late: neither", [status(history("2026-03-02T09:00:00+01:00", [], "2026-03-02T14:00:00+01:00"), "15:00")], { nextDueAt: null, breached: false, atRisk: false }],
    [
      "the earliest of several running clocks",
      [status(history("2026-03-02T10:00:00+01:00"), "10:30"), status(history("2026-03-02T09:00:00+01:00"), "10:30"), status(history(null), "10:30")],
      { nextDueAt: t("13:00"), breached: false, atRisk: false },
    ],
  ])("%s", (_name, clocks, expected) => {
    expect(queueSla(clocks)).toEqual(expected);
  });
});

describe("queueFilterMatches", () => {
  const mine = ticket("1", { assigneeId: "ada", priorityRank: 3, channel: "PHONE", language: "fr", tierId: "silver", atRisk: true });

  it.each<[string, QueueFilter, boolean]>([
    ["empty filter", {}, true],
    ["empty lists and nulls constrain nothing", { statuses: [], assigneeIds: null, breached: null }, true],
    ["status among", { statuses: ["NEW", "OPEN"] }, true],
    ["status not among", { statuses: ["SOLVED"] }, false],
    ["tier", { tierIds: ["silver"] }, true],
    ["other tier", { tierIds: ["gold"] }, false],
    ["priority", { priorityRanks: [3, 4] }, true],
    ["channel", { channels: ["CHAT"] }, false],
    ["language", { languages: ["fr", "en"] }, true],
    ["team", { teamIds: ["support"] }, true],
    ["no team only", { teamIds: [null] }, false],
    ["assignee", { assigneeIds: ["ada"] }, true],
    ["mine or unassigned", { assigneeIds: ["bob", null] }, false],
    ["breached only", { breached: true }, false],
    ["not breached", { breached: false }, true],
    ["at risk", { atRisk: true }, true],
    ["all criteria at once", { statuses: ["OPEN"], tierIds: ["silver"], priorityRanks: [3], channels: ["PHONE"], languages: ["fr"], teamIds: ["support"], assigneeIds: ["ada"], breached: false, atRisk: true }, true],
    ["all but one", { statuses: ["OPEN"], tierIds: ["silver"], priorityRanks: [3], channels: ["PHONE"], languages: ["de"], teamIds: ["support"], assigneeIds: ["ada"] }, false],
  ])("%s → %s", (_name, filter, expected) => {
    expect(queueFilterMatches(filter, mine)).toBe(expected);
  });

  it("unassigned tickets match a null assignee", () => {
    expect(queueFilterMatches({ assigneeIds: ["bob", null] }, ticket("2"))).toBe(true);
  });
});

describe("queueCounts", () => {
  it("counts per status (all present), breached, at risk and unassigned", () => {
    const counts = queueCounts([
      ticket("1"),
      ticket("2", { status: "NEW", breached: true }),
      ticket("3", { status: "AWAITING_CUSTOMER", atRisk: true, assigneeId: "ada" }),
      ticket("4", { breached: true, assigneeId: "ada" }),
    ]);
    expect(counts).toEqual({
      total: 4,
      byStatus: { NEW: 1, AWAITING_INFORMATION: 0, OPEN: 2, AWAITING_CUSTOMER: 1, ON_HOLD: 0, SOLVED: 0, CLOSED: 0 },
      breached: 2,
      atRisk: 1,
      unassigned: 2,
    });
  });

  it("an empty queue", () => {
    expect(queueCounts([])).toMatchObject({ total: 0, breached: 0, atRisk: 0, unassigned: 0, byStatus: { OPEN: 0 } });
  });
});
