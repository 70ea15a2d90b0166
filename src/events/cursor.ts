import { createHash } from "node:crypto";
import type { Viewer } from "../auth/viewer.ts";
import { DomainError, ValidationError } from "../domain/errors.ts";

/**
 * Where a client stands in one subscription's stream. The cursor names the outbox sequence of the
 * last event delivered and a digest of the subscription it came from (field, arguments, viewer
 * scope), so it cannot be replayed into another filter or another tenant's stream.
 */
export interface StreamPosition {
  key: string;
  /** Resume after this outbox sequence; null: live from now. */
  after: number | null;
}

/** The replay window no longer reaches back to the cursor: refetch, then resume from `oldestCursor`. */
export class CursorExpiredError extends DomainError {
  /** Sent along in the error's extensions. */
  readonly details: { oldestCursor: string };
  constructor(oldestCursor: string) {
    super("CURSOR_EXPIRED", `This cursor is older than the retained events; refetch, then resume from ${oldestCursor}`, "after");
    this.details = { oldestCursor };
  }
}

/** JSON with sorted keys and empty values dropped, so equivalent arguments give one key. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

const scopeOf = (viewer: Viewer) => [viewer.role, viewer.partnerId ?? null, viewer.accountId ?? null, (viewer as { workspaceId?: string }).workspaceId ?? null];

export function streamKey(field: string, args: Record<string, unknown>, viewer: Viewer): string {
  return createHash("sha256")
    .update(JSON.stringify([field, canonical(args), scopeOf(viewer)]))
    .digest("base64url")
    .slice(0, 16);
}

export const cursorOf = (key: string, sequence: number) => Buffer.from(`1.${key}.${sequence}`).toString("base64url");

/** The position `after` (a cursor of this very subscription) names; refuses any other cursor. */
export function streamPosition(field: string, args: Record<string, unknown>, viewer: Viewer, after?: string | null): StreamPosition {
  const key = streamKey(field, args, viewer);
  if (after === null || after === undefined) return { key, after: null };
  const [version, cursorKey, sequence] = Buffer.from(after, "base64url").toString().split(".");
  const position = Number(sequence);
  if (version !== "1" || !cursorKey || !/^\d+$/.test(sequence ?? "") || !Number.isSafeInteger(position)) {
    throw new ValidationError("after", "after is not a cursor of this service");
  }
  if (cursorKey !== key) throw new ValidationError("after", "after is a cursor of another subscription (other filter, arguments or workspace)");
  return { key, after: position };
}
