import { describe, expect, it } from "vitest";
import type { InformationCondition, RequiredInformationItem } from "../../../../src/modules/request-type/domain/request-type-definition.ts";
import { missingInformation, ticketFlags } from "../../../../src/modules/ticket/domain/index.ts";
import { expectValidationError } from "../../sla/domain/support.ts";

/** 001: what free support needs before work can start; 001 installation: two dates outside support hours. */
const crmAddonChecklist: RequiredInformationItem[] = [
  { key: "environment", label: "Workstation environment", when: null },
  { key: "reproductionSteps", label: "Clear steps to reproduce the problem", when: null },
  { key: "databaseBackup", label: "Database backup (empty or full)", when: "BROKEN_DATABASE" },
  { key: "screenshots", label: "Documentation with screenshots", when: null },
  { key: "proposedDates", label: "At least two proposed dates", when: "OUTSIDE_SUPPORT_HOURS" },
];
const ALL_BUT_CONDITIONAL = ["environment", "reproductionSteps", "screenshots"];

describe("required information (001 checklist)", () => {
  it.each<[string, string[], InformationCondition[], string[]]>([
    ["nothing provided", [], [], ALL_BUT_CONDITIONAL],
    ["nothing provided, broken database", [], ["BROKEN_DATABASE"], ["environment", "reproductionSteps", "databaseBackup", "screenshots"]],
    ["everything but the backup, no broken database: complete", ALL_BUT_CONDITIONAL, [], []],
    ["everything but the backup, broken database: the backup", ALL_BUT_CONDITIONAL, ["BROKEN_DATABASE"], ["databaseBackup"]],
    ["outside support hours: the proposed dates too", ALL_BUT_CONDITIONAL, ["OUTSIDE_SUPPORT_HOURS"], ["proposedDates"]],
    ["a backup nobody needed still counts as provided", ["databaseBackup", "reproductionSteps"], [], ["environment", "screenshots"]],
    ["duplicates are harmless", ["reproductionSteps", "reproductionSteps"], [], ["environment", "screenshots"]],
  ])("%s", (_name, provided, conditions, missing) => {
    expect(missingInformation(crmAddonChecklist, provided, conditions).map((item) => item.key)).toEqual(missing);
  });

  it("an empty checklist is always complete", () => {
    expect(missingInformation([], [], ["BROKEN_DATABASE"])).toEqual([]);
  });

  it("rejects keys the checklist does not know, naming the field", () => {
    expectValidationError(() => missingInformation(crmAddonChecklist, ["reproductionSteps", "phoneNumber"], []), "providedInformation.1");
    expectValidationError(() => missingInformation(crmAddonChecklist, ["phoneNumber"], [], "input.keys"), "input.keys.0");
  });

  it("ticket flags: only BROKEN_DATABASE, repeats dropped, unknown ones named", () => {
    expect(ticketFlags(["BROKEN_DATABASE", "BROKEN_DATABASE"])).toEqual(["BROKEN_DATABASE"]);
    expectValidationError(() => ticketFlags(["BROKEN_DATABASE", "ON_FIRE"]), "flags.1");
    // a condition the service decides, never one the customer states
    expectValidationError(() => ticketFlags(["OUTSIDE_SUPPORT_HOURS"], "input.flags"), "input.flags.0");
  });
});
