import { ValidationError } from "../../../domain/errors.ts";

export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENT_NAME = 200;
export const MAX_SUBJECT = 200;
export const MAX_BODY = 50_000;
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,100}$/;

/** An attachment as the ticket records it: the content itself lives elsewhere, named by its checksum. */
export interface AttachmentInput {
  name: string;
  contentType: string;
  size: number;
  /** sha256 of the content, hex */
  checksum: string;
}

/** Trimmed, 1–`max` characters; a ValidationError on `field` otherwise. */
export function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) throw new ValidationError(field, `${field} must be 1–${max} characters`);
  return trimmed;
}

/** At most 10 attachments, each at most 25 MiB, named in at most 200 characters, with a sha256 hex checksum. */
export function attachments(items: readonly AttachmentInput[], field = "attachments"): AttachmentInput[] {
  if (items.length > MAX_ATTACHMENTS) throw new ValidationError(field, `${field} takes at most ${MAX_ATTACHMENTS} attachments`);
  return items.map((item, i) => {
    const path = `${field}.${i}`;
    const contentType = item.contentType.trim().toLowerCase();
    if (!CONTENT_TYPE.test(contentType)) throw new ValidationError(`${path}.contentType`, `${path}.contentType must be a media type such as image/png`);
    if (!Number.isSafeInteger(item.size) || item.size < 0 || item.size > MAX_ATTACHMENT_BYTES) {
      throw new ValidationError(`${path}.size`, `${path}.size must be 0–${MAX_ATTACHMENT_BYTES} bytes (25 MiB)`);
    }
    const checksum = item.checksum.trim().toLowerCase();
    if (!SHA256_HEX.test(checksum)) throw new ValidationError(`${path}.checksum`, `${path}.checksum must be a sha256 digest in 64 hex digits`);
    return { name: text(`${path}.name`, item.name, MAX_ATTACHMENT_NAME), contentType, size: item.size, checksum };
  });
}

/** 1–100 printable ASCII characters without spaces; null when absent. */
export function idempotencyKey(field: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  if (!IDEMPOTENCY_KEY.test(value)) throw new ValidationError(field, `${field} must be 1–100 printable ASCII characters without spaces`);
  return value;
}
