import { ValidationError } from "../../../domain/errors.ts";

export const MAX_REASON_LENGTH = 500;
export const MAX_REFERENCE_LENGTH = 64;
/** Idempotency keys: what clients generate (UUIDs, ULIDs, "order-123:retry"), nothing exotic. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:@/+=-]{1,128}$/;
const REFERENCE = /^[A-Za-z0-9._:-]+$/;

export function idempotencyKey(field: string, value: string): string {
  if (!IDEMPOTENCY_KEY.test(value)) {
    throw new ValidationError(field, `${field} must be 1–128 characters of letters, digits or ._:@/+=- (a UUID works)`);
  }
  return value;
}

/** Why staff changed a balance: required for adjustments and reversals, optional for refunds. */
export function reason(field: string, value: string | null | undefined, required: boolean): string | null {
  const trimmed = value?.trim() ?? "";
  if (!trimmed) {
    if (required) throw new ValidationError(field, `${field} must not be empty`);
    return null;
  }
  if (trimmed.length > MAX_REASON_LENGTH) throw new ValidationError(field, `${field} must be at most ${MAX_REASON_LENGTH} characters`);
  return trimmed;
}

/** An id of another module's record (ticket, work log), kept as plain text. */
export function reference(field: string, value: string): string {
  if (value.length === 0 || value.length > MAX_REFERENCE_LENGTH || !REFERENCE.test(value)) {
    throw new ValidationError(field, `${field} must be 1–${MAX_REFERENCE_LENGTH} letters, digits or ._:-`);
  }
  return value;
}
