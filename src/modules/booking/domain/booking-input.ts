import { ValidationError } from "../../../domain/errors.ts";

const MAX_PRODUCT_LENGTH = 100;
const MAX_NOTE_LENGTH = 2000;
const MAX_REASON_LENGTH = 500;
/** a day of work at most for one session */
const MAX_WORKED_MINUTES = 24 * 60;

/** Optional free text: trimmed, null when empty. */
function text(field: string, value: string | null | undefined, max: number): string | null {
  const trimmed = value?.trim() ?? "";
  if (trimmed.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return trimmed || null;
}

/** What is installed or worked on, inner whitespace collapsed ("CRM  Connector" is "CRM Connector"). */
export const product = (field: string, value: string | null | undefined) => text(field, value?.replace(/\s+/g, " "), MAX_PRODUCT_LENGTH);
export const note = (field: string, value: string | null | undefined) => text(field, value, MAX_NOTE_LENGTH);
export const cancellationReason = (field: string, value: string | null | undefined) => text(field, value, MAX_REASON_LENGTH);

export function workedMinutes(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_WORKED_MINUTES) {
    throw new ValidationError(field, `${field} must be a whole number 1–${MAX_WORKED_MINUTES}`);
  }
  return value;
}
