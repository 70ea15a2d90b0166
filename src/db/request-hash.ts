import { createHash } from "node:crypto";

/**
 * Fingerprint of a write request, stored next to its idempotency key. Callers pass the normalised
 * payload (defaults filled in), so `quantity: 1` and an omitted quantity count as the same request.
 */
export function requestHash(operation: string, payload: Record<string, string | number | null>): string {
  const fields = Object.keys(payload)
    .sort()
    .map((key) => [key, payload[key]]);
  return createHash("sha256")
    .update(JSON.stringify([operation, fields]))
    .digest("hex");
}
