import { describe, expect, it } from "vitest";
import { applyChange, fromSnapshot, type QueueChange, type QueueTicket } from "../../src/web/queue-state.ts";
import { slaView } from "../../src/web/sla.ts";

const ticket = (id: string, extra: Partial<QueueTicket> = {}): QueueTicket => ({
  id,
  number: Number(id.slice(1)),
  subject: id,
  status: "OPEN",
  assigneeId: null,
  account: { customerNumber: "C-1", name: "Customer" },
  tier: null,
  priority: { rank: 1, label: "normal" },
  atRiskAt: null,
  slaClocks: [],
  ...extra,
});
const counts = { total: 0, breached: 0, atRisk: 0, unassigned: 0 };
const change = (kind: QueueChange["kind"], id: string, position: number | null): QueueChange => ({
  kind,
  sequence: 2,
  cursor: "c2",
  position,
  ticket: ticket(id),
  tickets: [],
  counts,
});
const ids = (state: { rows: QueueTicket[] }) => state.rows.map((row) => row.id);

describe("the client's queue window: rows are positions 1…n, changes land at their reported place", () => {
  const start = fromSnapshot(
    { kind: "SNAPSHOT", sequence: 1, cursor: "c1", position: null, ticket: null, tickets: ["t1", "t2", "t3"].map((id) => ticket(id)), counts },
    4,
  );

  it.each([
    ["a new ticket at the top", change("TICKET_ADDED", "t9", 1), ["t9", "t1", "t2", "t3"]],
    ["a new ticket right after the last row", change("TICKET_ADDED", "t9", 4), ["t1", "t2", "t3", "t9"]],
    ["a new ticket beyond the window's known rows", change("TICKET_ADDED", "t9", 6), ["t1", "t2", "t3"]],
    ["a ticket moving down", change("TICKET_UPDATED", "t1", 3), ["t2", "t3", "t1"]],
    ["a ticket moving up", change("TICKET_UPDATED", "t3", 1), ["t3", "t1", "t2"]],
    ["a ticket moving out of the window", change("TICKET_UPDATED", "t1", 9), ["t2", "t3"]],
    ["a ticket leaving", change("TICKET_REMOVED", "t2", null), ["t1", "t3"]],
    ["a ticket never shown leaving", change("TICKET_REMOVED", "t7", null), ["t1", "t2", "t3"]],
  ] as const)("%s", (_name, next, expected) => {
    expect(ids(applyChange(start, next))).toEqual(expected);
    expect(ids(start)).toEqual(["t1", "t2", "t3"]); // applied without mutating the previous state
  });

  it("never holds more rows than its window", () => {
    const full = applyChange(start, change("TICKET_ADDED", "t8", 1));
    expect(ids(applyChange(full, change("TICKET_ADDED", "t9", 2)))).toEqual(["t8", "t9", "t1", "t2"]);
  });

  it("keeps its rows when a resume's replay is done (RESUMED) and takes the counts it reports", () => {
    const resumed: QueueChange = {
      kind: "RESUMED",
      sequence: 7,
      cursor: "c7",
      position: null,
      ticket: null,
      tickets: [],
      counts: { ...counts, total: 3, breached: 1 },
    };
    const state = applyChange(start, resumed);
    expect(ids(state)).toEqual(["t1", "t2", "t3"]);
    expect(state).toMatchObject({ counts: { total: 3, breached: 1 }, sequence: 7 });
  });
});

describe("a row's SLA: icon and words, counted down on the client", () => {
  const now = Date.parse("2026-03-02T09:00:00Z");
  const clock = (state: string, dueAt: string | null, extra = {}) =>
    ({ kind: "FIRST_RESPONSE", state, running: state === "RUNNING", breached: false, dueAt, remainingBusinessMinutes: 45, ...extra }) as any;

  it.each([
    ["running", [clock("RUNNING", "2026-03-02T10:02:05Z")], null, "running", "Due in", "1h 02m 05s · first response"],
    ["at risk", [clock("RUNNING", "2026-03-02T09:12:05Z")], "2026-03-02T08:59:00Z", "at-risk", "At risk", "12m 05s · first response"],
    ["past due on the client", [clock("RUNNING", "2026-03-02T08:59:00Z")], null, "breached", "Breached", "1m 00s over · first response"],
    ["at its due instant: still on time, as on the server", [clock("RUNNING", "2026-03-02T09:00:00Z")], null, "running", "Due in", "0m 00s · first response"],
    [
      "a millisecond past it: breached, as on the server",
      [clock("RUNNING", "2026-03-02T08:59:59.999Z")],
      null,
      "breached",
      "Breached",
      "0m 00s over · first response",
    ],
    ["breached by the server's word", [clock("RUNNING", "2026-03-02T09:30:00Z", { breached: true })], null, "breached", "Breached", "due now · first response"],
    ["paused", [clock("PAUSED", null)], null, "paused", "Paused", "45 min left · first response"],
    ["met", [clock("MET", null)], null, "met", "Met", ""],
  ])("%s", (_name, slaClocks, atRiskAt, tone, label, detail) => {
    expect(slaView(ticket("t1", { slaClocks, atRiskAt }), now)).toMatchObject({ tone, label, detail });
  });
});
