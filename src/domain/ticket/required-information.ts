import { ValidationError } from "../errors.ts";

/** Facts about a ticket that make more information necessary. */
export const TICKET_FLAGS = ["BROKEN_DATABASE"] as const;
export type TicketFlag = (typeof TICKET_FLAGS)[number];

/** One item of a request type's checklist; `when`: only for tickets with that flag (001: a database backup for broken databases). */
export interface RequiredInformationItem {
  key: string;
  label: string;
  when?: TicketFlag | null;
}

const KEY = /^[a-z][a-z0-9_]{0,63}$/;

/** Throws a ValidationError naming e.g. `requiredInformation.2.key`; returns the items with labels trimmed. */
export function validateRequiredInformation(items: readonly RequiredInformationItem[], field = "requiredInformation"): RequiredInformationItem[] {
  const keys = new Set<string>();
  return items.map((item, i) => {
    if (!KEY.test(item.key)) throw new ValidationError(`${field}.${i}.key`, `${field}.${i}.key must be 1–64 lower-case letters, digits or underscores, starting with a letter`);
    if (keys.has(item.key)) throw new ValidationError(`${field}.${i}.key`, `${field}.${i}.key "${item.key}" appears twice`);
    keys.add(item.key);
    const label = item.label.trim();
    if (!label || label.length > 200) throw new ValidationError(`${field}.${i}.label`, `${field}.${i}.label must be 1–200 characters`);
    if (item.when != null && !TICKET_FLAGS.includes(item.when)) throw new ValidationError(`${field}.${i}.when`, `${field}.${i}.when must be one of ${TICKET_FLAGS.join(", ")}`);
    return { key: item.key, label, when: item.when ?? null };
  });
}

/**
 * The checklist items this ticket still lacks, in checklist order: an item applies when it has
 * no `when` or the ticket has that flag. A provided key the checklist does not know is bad
 * input (`${field}.<i>`). Empty result = complete: the clocks may start.
 */
export function missingInformation(
  checklist: readonly RequiredInformationItem[],
  providedKeys: readonly string[],
  flags: readonly TicketFlag[],
  field = "providedInformation",
): RequiredInformationItem[] {
  const known = new Set(checklist.map((item) => item.key));
  providedKeys.forEach((key, i) => {
    if (!known.has(key)) throw new ValidationError(`${field}.${i}`, `${field}.${i} "${key}" is not on the request type's checklist`);
  });
  flags.forEach((flag, i) => {
    if (!TICKET_FLAGS.includes(flag)) throw new ValidationError(`flags.${i}`, `flags.${i} must be one of ${TICKET_FLAGS.join(", ")}`);
  });
  const provided = new Set(providedKeys);
  return checklist.filter((item) => (item.when == null || flags.includes(item.when)) && !provided.has(item.key));
}
