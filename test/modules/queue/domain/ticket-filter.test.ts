import { describe, expect, it } from "vitest";
import { normaliseFilter, type TicketFilter } from "../../../../src/modules/queue/domain/index.ts";
import { expectDomainError } from "../../calendar/domain/support.ts";

describe("a ticket filter, made canonical as a saved queue stores it", () => {
  it.each<[string, TicketFilter, TicketFilter]>([
    ["empty", {}, {}],
    ["empty and null criteria dropped", { statuses: [], tierCodes: null, unassigned: null, breached: undefined }, {}],
    ["codes upper-case, repeats once", { tierCodes: ["gold", "GOLD", " silver "] }, { tierCodes: ["GOLD", "SILVER"] }],
    ["languages as ISO codes, repeats once", { languages: ["de", "de-AT", "de"] }, { languages: ["de", "de-AT"] }],
    ["ids trimmed", { assigneeIds: [" agent-1 ", "agent-1"], teamIds: ["t"] }, { assigneeIds: ["agent-1"], teamIds: ["t"] }],
    ["flags kept, false included", { unassigned: false, breached: true, atRisk: false }, { unassigned: false, breached: true, atRisk: false }],
    [
      "statuses, channels and ranks as given",
      { statuses: ["NEW", "OPEN"], channels: ["PHONE"], priorityRanks: [0, 1000] },
      { statuses: ["NEW", "OPEN"], channels: ["PHONE"], priorityRanks: [0, 1000] },
    ],
  ])("%s", (_case, filter, canonical) => {
    expect(normaliseFilter(filter, "filter")).toEqual(canonical);
  });

  it.each<[string, TicketFilter, string]>([
    ["an unknown status", { statuses: ["NEW", "LOST" as never] }, "filter.statuses.1"],
    ["an unknown channel", { channels: ["PIGEON" as never] }, "filter.channels.0"],
    ["a rank above 1000", { priorityRanks: [1001] }, "filter.priorityRanks.0"],
    ["a fractional rank", { priorityRanks: [1.5] }, "filter.priorityRanks.0"],
    ["a language that is no ISO code", { languages: ["en", "German"] }, "filter.languages.1"],
    ["a blank id", { teamIds: ["  "] }, "filter.teamIds.0"],
    ["an id of 101 characters", { assigneeIds: ["a".repeat(101)] }, "filter.assigneeIds.0"],
    ["51 entries", { teamIds: Array.from({ length: 51 }, (_, i) => `t${i}`) }, "filter.teamIds"],
  ])("refuses %s, naming the entry", (_case, filter, field) => {
    expectDomainError(() => normaliseFilter(filter, "filter"), "VALIDATION", field);
  });

  it("names the field it was given (a saved queue's input.filter)", () => {
    expectDomainError(() => normaliseFilter({ statuses: ["LOST" as never] }, "input.filter"), "VALIDATION", "input.filter.statuses.0");
  });
});
