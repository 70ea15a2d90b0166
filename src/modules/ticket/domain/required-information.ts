import { ValidationError } from "../../../domain/errors.ts";
import type { InformationCondition, RequiredInformationItem } from "../../request-type/domain/index.ts";

export type { RequiredInformationItem };

/** Facts the customer states about a ticket that make more information necessary (001: a broken database). */
export const TICKET_FLAGS = ["BROKEN_DATABASE"] as const satisfies readonly InformationCondition[];
export type TicketFlag = (typeof TICKET_FLAGS)[number];
/** A condition the customer states (a flag), not one the entitlement answer decides. */
export const isTicketFlag = (condition: InformationCondition): condition is TicketFlag => (TICKET_FLAGS as readonly string[]).includes(condition);

/** Throws a ValidationError naming `${field}.<i>` for a flag that is not a TicketFlag; returns them without repeats. */
export function ticketFlags(flags: readonly string[], field = "flags"): TicketFlag[] {
  flags.forEach((flag, i) => {
    if (!(TICKET_FLAGS as readonly string[]).includes(flag))
      throw new ValidationError(`${field}.${i}`, `${field}.${i} must be one of ${TICKET_FLAGS.join(", ")}`);
  });
  return [...new Set(flags as TicketFlag[])];
}

/**
 * The checklist items this ticket still lacks, in checklist order: an item applies when it has
 * no `when` or its condition holds for the ticket (`conditions`: the ticket's flags, plus what
 * the entitlement answer decided: OUTSIDE_SUPPORT_HOURS, INCLUDED_LEVEL). A provided key the checklist
 * does not know is bad input (`${field}.<i>`). Empty result = complete: the clocks may start.
 */
export function missingInformation(
  checklist: readonly RequiredInformationItem[],
  providedKeys: readonly string[],
  conditions: readonly InformationCondition[],
  field = "providedInformation",
): RequiredInformationItem[] {
  const known = new Set(checklist.map((item) => item.key));
  providedKeys.forEach((key, i) => {
    if (!known.has(key)) throw new ValidationError(`${field}.${i}`, `${field}.${i} "${key}" is not on the request type's checklist`);
  });
  const provided = new Set(providedKeys);
  return checklist.filter((item) => (item.when === null || conditions.includes(item.when)) && !provided.has(item.key));
}
