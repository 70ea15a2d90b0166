import { describe, expect, it } from "vitest";
import type { SlaClockPhase, SlaTargetKind } from "../../../../src/modules/sla/domain/index.ts";
import type { TicketEvent, TicketLifecycle, TicketStatus } from "../../../../src/modules/ticket/domain/index.ts";
import { InvalidTransitionError, TICKET_EVENTS, TICKET_STATUSES, ticketCreation, ticketTransition } from "../../../../src/modules/ticket/domain/index.ts";
import { at, expectDomainError, expectValidationError } from "../../sla/domain/support.ts";

const NOW = at("2026-03-02T10:00:00+01:00");
const SOLVED_AT = at("2026-03-01T10:00:00+01:00");
const settings = { reopenWindowMinutes: 7 * 1440 };

/** phases as "FR NR RES", `-` for a kind the tier has no target for; e.g. "MET RUNNING RUNNING" */
function clocks(spec: string): TicketLifecycle["clocks"] {
  const kinds: SlaTargetKind[] = ["FIRST_RESPONSE", "NEXT_RESPONSE", "RESOLUTION"];
  const phases = spec.split(" ");
  return Object.fromEntries(kinds.flatMap((kind, i) => (phases[i] === "-" ? [] : [[kind, phases[i] as SlaClockPhase]])));
}

const abbreviate = (kind: SlaTargetKind) => ({ FIRST_RESPONSE: "FR", NEXT_RESPONSE: "NR", RESOLUTION: "RES" })[kind];

function run(status: TicketStatus, spec: string, event: TicketEvent) {
  const result = ticketTransition({ status, solvedAt: status === "SOLVED" ? SOLVED_AT : null, clocks: clocks(spec) }, event, NOW, settings);
  return { status: result.status, effects: result.effects.map(({ action, kind }) => `${action} ${abbreviate(kind)}`) };
}

const S = "NOT_STARTED";
describe("the transition table with its clock effects", () => {
  it.each<[TicketStatus, string, TicketEvent, TicketStatus, string[]]>([
    ["AWAITING_INFORMATION", `${S} ${S} ${S}`, "informationCompleted", "NEW", ["START FR", "START RES"]],
    ["AWAITING_INFORMATION", `${S} - -`, "informationCompleted", "NEW", ["START FR"]],
    ["AWAITING_INFORMATION", `${S} ${S} ${S}`, "agentPublicReply", "AWAITING_INFORMATION", []],
    ["AWAITING_INFORMATION", `${S} ${S} ${S}`, "customerReply", "AWAITING_INFORMATION", []],
    ["AWAITING_INFORMATION", `${S} ${S} ${S}`, "close", "CLOSED", []],
    ["NEW", `RUNNING ${S} RUNNING`, "agentPublicReply", "OPEN", ["MEET FR"]],
    ["NEW", `RUNNING ${S} RUNNING`, "customerReply", "NEW", []],
    ["NEW", `RUNNING ${S} RUNNING`, "awaitCustomer", "AWAITING_CUSTOMER", ["PAUSE FR", "PAUSE RES"]],
    ["NEW", `RUNNING ${S} RUNNING`, "hold", "ON_HOLD", []],
    ["NEW", `RUNNING ${S} RUNNING`, "solve", "SOLVED", ["MEET RES", "PAUSE FR"]],
    ["OPEN", "MET RUNNING RUNNING", "agentPublicReply", "OPEN", ["MEET NR"]],
    ["OPEN", "MET MET RUNNING", "agentPublicReply", "OPEN", []],
    ["OPEN", `MET ${S} RUNNING`, "customerReply", "OPEN", ["START NR"]],
    ["OPEN", "MET MET RUNNING", "customerReply", "OPEN", ["START NR"]],
    ["OPEN", "MET RUNNING RUNNING", "customerReply", "OPEN", []],
    ["OPEN", "MET - RUNNING", "customerReply", "OPEN", []],
    ["OPEN", "MET RUNNING RUNNING", "awaitCustomer", "AWAITING_CUSTOMER", ["PAUSE NR", "PAUSE RES"]],
    ["OPEN", "MET RUNNING RUNNING", "hold", "ON_HOLD", []],
    ["OPEN", "MET MET RUNNING", "solve", "SOLVED", ["MEET RES"]],
    ["OPEN", "MET RUNNING RUNNING", "solve", "SOLVED", ["MEET RES", "PAUSE NR"]],
    ["AWAITING_CUSTOMER", `PAUSED ${S} PAUSED`, "agentPublicReply", "AWAITING_CUSTOMER", ["MEET FR"]],
    ["AWAITING_CUSTOMER", "MET MET PAUSED", "customerReply", "OPEN", ["RESUME RES", "START NR"]],
    ["AWAITING_CUSTOMER", "MET PAUSED PAUSED", "customerReply", "OPEN", ["RESUME NR", "RESUME RES"]],
    ["AWAITING_CUSTOMER", "MET MET PAUSED", "resume", "OPEN", ["RESUME RES"]],
    ["AWAITING_CUSTOMER", "MET MET PAUSED", "hold", "ON_HOLD", ["RESUME RES"]],
    ["AWAITING_CUSTOMER", "MET MET PAUSED", "solve", "SOLVED", ["MEET RES"]],
    ["ON_HOLD", "MET RUNNING RUNNING", "agentPublicReply", "ON_HOLD", ["MEET NR"]],
    ["ON_HOLD", "MET MET RUNNING", "customerReply", "ON_HOLD", ["START NR"]],
    ["ON_HOLD", "MET MET RUNNING", "resume", "OPEN", []],
    ["ON_HOLD", "MET MET RUNNING", "awaitCustomer", "AWAITING_CUSTOMER", ["PAUSE RES"]],
    ["ON_HOLD", "MET MET RUNNING", "solve", "SOLVED", ["MEET RES"]],
    ["SOLVED", "MET MET MET", "reopen", "OPEN", ["REOPEN RES"]],
    ["SOLVED", `PAUSED ${S} MET`, "reopen", "OPEN", ["REOPEN RES", "RESUME FR"]],
    ["SOLVED", "MET MET MET", "customerReply", "OPEN", ["REOPEN RES", "START NR"]],
    ["SOLVED", "MET MET MET", "close", "CLOSED", []],
  ])("%s (%s) —%s→ %s %j", (status, spec, event, expectedStatus, effects) => {
    expect(run(status, spec, event)).toEqual({ status: expectedStatus, effects });
  });

  const allowed: Record<TicketStatus, TicketEvent[]> = {
    AWAITING_INFORMATION: ["informationCompleted", "agentPublicReply", "customerReply", "close"],
    NEW: ["agentPublicReply", "customerReply", "awaitCustomer", "hold", "solve"],
    OPEN: ["agentPublicReply", "customerReply", "awaitCustomer", "hold", "solve"],
    AWAITING_CUSTOMER: ["agentPublicReply", "customerReply", "hold", "resume", "solve"],
    ON_HOLD: ["agentPublicReply", "customerReply", "awaitCustomer", "resume", "solve"],
    SOLVED: ["customerReply", "close", "reopen"],
    CLOSED: [],
  };
  const forbidden = TICKET_STATUSES.flatMap((status) =>
    TICKET_EVENTS.filter((event) => !allowed[status].includes(event)).map((event) => [status, event] as const),
  );

  it.each(forbidden)("%s refuses %s with INVALID_TRANSITION naming the status", (status, event) => {
    expectDomainError(() => run(status, "MET MET MET", event), "INVALID_TRANSITION");
    expect(() => run(status, "MET MET MET", event)).toThrow(status);
  });

  it("CLOSED is final", () => {
    expect(() => run("CLOSED", "MET MET MET", "reopen")).toThrow("a closed ticket is final");
    expect(forbidden.filter(([status]) => status === "CLOSED")).toHaveLength(TICKET_EVENTS.length);
  });

  it("the error carries status and event", () => {
    const error = (() => {
      try {
        run("NEW", "RUNNING - -", "reopen");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect({ status: (error as InvalidTransitionError).status, event: (error as InvalidTransitionError).event }).toEqual({ status: "NEW", event: "reopen" });
  });
});

describe("reopen window (7 days after solving; the end itself is outside)", () => {
  const solved = { status: "SOLVED" as const, solvedAt: SOLVED_AT, clocks: clocks("MET MET MET") };
  const end = SOLVED_AT + 7 * 86_400_000;

  it.each<TicketEvent>(["reopen", "customerReply"])("%s 1 ms before the end reopens", (event) => {
    expect(ticketTransition(solved, event, end - 1, settings)).toMatchObject({ status: "OPEN", solvedAt: null });
  });

  it.each<TicketEvent>(["reopen", "customerReply"])("%s at the end is INVALID_TRANSITION", (event) => {
    expectDomainError(() => ticketTransition(solved, event, end, settings), "INVALID_TRANSITION");
    expect(() => ticketTransition(solved, event, end, settings)).toThrow("reopen window ended at 2026-03-08T09:00:00.000Z");
  });

  it("a window of 0 minutes never allows a reopen; closing is always allowed", () => {
    expectDomainError(() => ticketTransition(solved, "reopen", SOLVED_AT, { reopenWindowMinutes: 0 }), "INVALID_TRANSITION");
    expect(ticketTransition(solved, "close", end + 1, settings).status).toBe("CLOSED");
  });

  it("rejects bad settings and a SOLVED ticket without solvedAt", () => {
    expectValidationError(() => ticketTransition(solved, "reopen", NOW, { reopenWindowMinutes: -1 }), "reopenWindowMinutes");
    expectValidationError(() => ticketTransition({ ...solved, solvedAt: null }, "reopen", NOW, settings), "solvedAt");
  });
});

describe("solvedAt and creation", () => {
  it("solve records now, other events keep it", () => {
    const open = { status: "OPEN" as const, solvedAt: null, clocks: clocks("MET MET RUNNING") };
    expect(ticketTransition(open, "solve", NOW, settings).solvedAt).toBe(NOW);
    expect(ticketTransition({ ...open, status: "SOLVED", solvedAt: SOLVED_AT }, "close", NOW, settings).solvedAt).toBe(SOLVED_AT);
  });

  it("complete information: NEW with FIRST_RESPONSE and RESOLUTION started; incomplete: AWAITING_INFORMATION, nothing started", () => {
    expect(ticketCreation(["FIRST_RESPONSE", "NEXT_RESPONSE", "RESOLUTION"], true)).toEqual({
      status: "NEW",
      solvedAt: null,
      effects: [
        { kind: "FIRST_RESPONSE", action: "START" },
        { kind: "RESOLUTION", action: "START" },
      ],
    });
    expect(ticketCreation(["FIRST_RESPONSE"], false)).toEqual({ status: "AWAITING_INFORMATION", solvedAt: null, effects: [] });
  });

  it("rejects an unknown event", () => {
    expectValidationError(() => ticketTransition({ status: "OPEN", solvedAt: null, clocks: {} }, "escalate" as TicketEvent, NOW, settings), "event");
  });
});
