import { describe, expect, it } from "vitest";
import type { SlaTarget, SlaTargetKind } from "../../../../src/modules/sla/domain/index.ts";
import { AT_RISK_FRACTION, slaClockStatus } from "../../../../src/modules/sla/domain/index.ts";
import type { TicketClocks, TicketEvent, TicketStatus } from "../../../../src/modules/ticket/domain/index.ts";
import { applyClockEffects, missingInformation, ticketClockPhases, ticketCreation, ticketTransition } from "../../../../src/modules/ticket/domain/index.ts";
import { at, berlin, gold, HOUR, MINUTE, paid, target } from "../../sla/domain/support.ts";

// A Gold ticket (002) from creation to reopening, driving the clocks only through the lifecycle's effects.
const targets: Record<SlaTargetKind, SlaTarget> = {
  FIRST_RESPONSE: gold,
  NEXT_RESPONSE: { ...gold, kind: "NEXT_RESPONSE" },
  RESOLUTION: target(3, "DAYS", "WORKING_DAYS", { kind: "RESOLUTION" }),
};
const kinds = Object.keys(targets) as SlaTargetKind[];
const settings = { reopenWindowMinutes: 7 * 1440 };
const checklist = [
  { key: "environment", label: "Environment", when: null },
  { key: "steps", label: "Steps to reproduce", when: null },
];

class Ticket {
  status: TicketStatus;
  solvedAt: number | null = null;
  clocks: TicketClocks = {};

  constructor(now: string, provided: string[]) {
    const created = ticketCreation(kinds, missingInformation(checklist, provided, []).length === 0);
    this.status = created.status;
    this.clocks = applyClockEffects(this.clocks, created.effects, at(now));
  }

  on(event: TicketEvent, now: string): this {
    const next = ticketTransition({ status: this.status, solvedAt: this.solvedAt, clocks: ticketClockPhases(kinds, this.clocks) }, event, at(now), settings);
    this.clocks = applyClockEffects(this.clocks, next.effects, at(now));
    [this.status, this.solvedAt] = [next.status, next.solvedAt];
    return this;
  }

  clock(kind: SlaTargetKind, now: string) {
    const history = this.clocks[kind] ?? { startedAt: null, pauses: [], metAt: null };
    const status = slaClockStatus({ target: targets[kind], calendar: paid, history }, at(now));
    return { state: status.state, dueAt: berlin(status.dueAt), elapsedMs: status.elapsedMs };
  }
}

const day = (date: string) => (time: string) => `2026-03-${date}T${time}:00+01:00`;
const [fri, mon, tue, wed] = [day("06"), day("09"), day("10"), day("11")];

describe("a Gold ticket's life", () => {
  it("waits for information over the weekend without running its first-response clock", () => {
    const ticket = new Ticket(fri("16:00"), ["environment"]);
    expect(ticket.status).toBe("AWAITING_INFORMATION");
    expect(ticket.clock("FIRST_RESPONSE", mon("09:59")).state).toBe("NOT_STARTED");
    ticket.on("informationCompleted", mon("10:00"));
    expect(ticket.status).toBe("NEW");
    expect(ticket.clock("FIRST_RESPONSE", mon("10:00"))).toEqual({ state: "RUNNING", dueAt: mon("14:00"), elapsedMs: 0 });
  });

  it("answers, waits on the customer, misses a next response, solves and reopens", () => {
    const ticket = new Ticket(mon("10:00"), ["environment", "steps"]);
    ticket.on("agentPublicReply", mon("11:00")).on("awaitCustomer", mon("11:05"));
    expect(ticket.status).toBe("AWAITING_CUSTOMER");
    expect(ticket.clock("FIRST_RESPONSE", mon("12:00"))).toEqual({ state: "MET", dueAt: mon("14:00"), elapsedMs: HOUR });
    expect(ticket.clock("RESOLUTION", tue("09:00"))).toMatchObject({ state: "PAUSED", dueAt: null, elapsedMs: 65 * MINUTE });

    ticket.on("customerReply", tue("09:30"));
    expect(ticket.status).toBe("OPEN");
    expect(ticket.clock("NEXT_RESPONSE", tue("09:30"))).toEqual({ state: "RUNNING", dueAt: tue("13:30"), elapsedMs: 0 });
    expect(ticket.clock("RESOLUTION", tue("09:30")).state).toBe("RUNNING");

    const clocksAt = (now: string, plusMs = 0) =>
      kinds.map((kind) => slaClockStatus({ target: targets[kind], calendar: paid, history: ticket.clocks[kind]! }, at(now) + plusMs));
    const running = clocksAt(tue("13:29")).filter((clock) => clock.state === "RUNNING");
    expect(Math.min(...running.map((clock) => clock.dueAt!))).toBe(at(tue("13:30")));
    expect(running.some((clock) => clock.elapsedFraction >= AT_RISK_FRACTION)).toBe(true);
    expect(clocksAt(tue("13:30")).some((clock) => clock.breached)).toBe(false);
    expect(clocksAt(tue("13:30"), 1).some((clock) => clock.breached)).toBe(true);

    ticket.on("agentPublicReply", tue("15:00")).on("solve", tue("15:30"));
    expect(ticket.status).toBe("SOLVED");
    expect(ticket.clock("NEXT_RESPONSE", wed("09:00")).state).toBe("MET_LATE");
    expect(ticket.clock("RESOLUTION", wed("09:00"))).toMatchObject({ state: "MET", elapsedMs: 65 * MINUTE + 6 * HOUR });

    ticket.on("customerReply", wed("10:00"));
    expect(ticket.status).toBe("OPEN");
    expect(ticket.clock("RESOLUTION", wed("11:00"))).toMatchObject({ state: "RUNNING", elapsedMs: 65 * MINUTE + 7 * HOUR });
    expect(ticket.clock("NEXT_RESPONSE", wed("10:00"))).toEqual({ state: "RUNNING", dueAt: wed("14:00"), elapsedMs: 0 });
  });
});
