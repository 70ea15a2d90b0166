import { describe, expect, it } from "vitest";
import type { RequiredInformationItem, TicketFlag } from "../../../src/domain/ticket/index.ts";
import { missingInformation, validateRequiredInformation } from "../../../src/domain/ticket/index.ts";
import { expectValidationError } from "../sla/support.ts";

/** 001: what free support needs before work can start. */
const crmAddonChecklist: RequiredInformationItem[] = [
  { key: "workstation_environment", label: "Workstation environment" },
  { key: "reproduction_steps", label: "Clear steps to reproduce the problem" },
  { key: "database_backup", label: "Database backup (empty or full)", when: "BROKEN_DATABASE" },
  { key: "screenshot_documentation", label: "Documentation with screenshots" },
];
const ALL_BUT_BACKUP = ["workstation_environment", "reproduction_steps", "screenshot_documentation"];

describe("required information (001 checklist)", () => {
  it.each<[string, string[], TicketFlag[], string[]]>([
    ["nothing provided", [], [], ALL_BUT_BACKUP],
    ["nothing provided, broken database", [], ["BROKEN_DATABASE"], ["workstation_environment", "reproduction_steps", "database_backup", "screenshot_documentation"]],
    ["everything but the backup, no broken database: complete", ALL_BUT_BACKUP, [], []],
    ["everything but the backup, broken database: the backup", ALL_BUT_BACKUP, ["BROKEN_DATABASE"], ["database_backup"]],
    ["a backup nobody needed still counts as provided", ["database_backup", "reproduction_steps"], [], ["workstation_environment", "screenshot_documentation"]],
    ["duplicates are harmless", ["reproduction_steps", "reproduction_steps"], [], ["workstation_environment", "screenshot_documentation"]],
  ])("%s", (_name, provided, flags, missing) => {
    expect(missingInformation(crmAddonChecklist, provided, flags).map((item) => item.key)).toEqual(missing);
  });

  it("an empty checklist is always complete", () => {
    expect(missingInformation([], [], ["BROKEN_DATABASE"])).toEqual([]);
  });

  it("rejects keys the checklist does not know and unknown flags, naming the field", () => {
    expectValidationError(() => missingInformation(crmAddonChecklist, ["reproduction_steps", "phone_number"], []), "providedInformation.1");
    expectValidationError(() => missingInformation(crmAddonChecklist, ["phone_number"], [], "input.information"), "input.information.0");
    expectValidationError(() => missingInformation(crmAddonChecklist, [], ["ON_FIRE" as TicketFlag]), "flags.0");
  });

  it("validates a checklist definition", () => {
    expect(validateRequiredInformation([{ key: "logs", label: "  Log files " }])).toEqual([{ key: "logs", label: "Log files", when: null }]);
    expect(validateRequiredInformation(crmAddonChecklist)).toHaveLength(4);
    expectValidationError(() => validateRequiredInformation([{ key: "logs", label: "a" }, { key: "logs", label: "b" }]), "requiredInformation.1.key");
    expectValidationError(() => validateRequiredInformation([{ key: "Log Files", label: "a" }]), "requiredInformation.0.key");
    expectValidationError(() => validateRequiredInformation([{ key: "logs", label: "  " }]), "requiredInformation.0.label");
    expectValidationError(() => validateRequiredInformation([{ key: "logs", label: "a", when: "SOMETIMES" as TicketFlag }]), "requiredInformation.0.when");
  });
});
