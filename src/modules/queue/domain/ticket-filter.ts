import { ValidationError } from "../../../domain/errors.ts";
import { TICKET_STATUSES, type TicketStatus } from "../../ticket/domain/index.ts";
import { language, SUPPORT_CHANNELS, type SupportChannel, tierCode } from "../../tier/domain/index.ts";

/** A filter list takes at most this many entries. */
const MAX_ENTRIES = 50;

/** Every criterion given must hold; a list matches one of its entries; an absent or empty one constrains nothing. */
export interface TicketFilter {
  /** default: the open statuses (NEW … ON_HOLD) */
  statuses?: TicketStatus[] | null;
  tierCodes?: string[] | null;
  priorityRanks?: number[] | null;
  channels?: SupportChannel[] | null;
  languages?: string[] | null;
  teamIds?: string[] | null;
  assigneeIds?: string[] | null;
  /** true: only unassigned tickets; false: only assigned ones */
  unassigned?: boolean | null;
  /** a running clock's due instant has passed */
  breached?: boolean | null;
  /** a running clock has used 75 % of its budget, none has breached yet */
  atRisk?: boolean | null;
}

/** Checks a filter and returns it canonical (codes upper-case, empty criteria dropped), as a saved queue stores it. */
export function normaliseFilter(filter: TicketFilter, field: string): TicketFilter {
  const list = <T>(name: keyof TicketFilter, values: readonly T[] | null | undefined, check: (value: T, path: string) => T): T[] | undefined => {
    if (!values?.length) return undefined;
    if (values.length > MAX_ENTRIES) throw new ValidationError(`${field}.${name}`, `${field}.${name} takes at most ${MAX_ENTRIES} entries`);
    return [...new Set(values.map((value, i) => check(value, `${field}.${name}.${i}`)))];
  };
  const oneOf =
    <T extends string>(allowed: readonly T[]) =>
    (value: T, path: string) => {
      if (!allowed.includes(value)) throw new ValidationError(path, `${path} must be one of ${allowed.join(", ")}`);
      return value;
    };
  const id = (value: string, path: string) => {
    const trimmed = value.trim();
    if (!trimmed || trimmed.length > 100) throw new ValidationError(path, `${path} must be 1–100 characters`);
    return trimmed;
  };
  const rank = (value: number, path: string) => {
    if (!Number.isInteger(value) || value < 0 || value > 1000) throw new ValidationError(path, `${path} must be a whole number from 0 to 1000`);
    return value;
  };
  const normalised: TicketFilter = {
    statuses: list("statuses", filter.statuses, oneOf(TICKET_STATUSES)),
    tierCodes: list("tierCodes", filter.tierCodes, (value, path) => tierCode(path, value)),
    priorityRanks: list("priorityRanks", filter.priorityRanks, rank),
    channels: list("channels", filter.channels, oneOf(SUPPORT_CHANNELS)),
    languages: list("languages", filter.languages, (value, path) => language(path, value)),
    teamIds: list("teamIds", filter.teamIds, id),
    assigneeIds: list("assigneeIds", filter.assigneeIds, id),
    unassigned: filter.unassigned ?? undefined,
    breached: filter.breached ?? undefined,
    atRisk: filter.atRisk ?? undefined,
  };
  return Object.fromEntries(Object.entries(normalised).filter(([, value]) => value !== undefined)) as TicketFilter;
}
