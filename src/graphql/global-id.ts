import { ValidationError } from "../domain/errors.ts";

export const encodeId = (typename: string, id: string | number | bigint) => Buffer.from(`${typename}:${id}`).toString("base64url");

/** Decodes a Relay global id; anything malformed (or of another type) is a ValidationError on `field`. */
export function decodeId(field: string, globalId: string, expected?: string): { typename: string; id: string } {
  const text = globalId.length <= 200 && /^[A-Za-z0-9_-]+=*$/.test(globalId) ? Buffer.from(globalId, "base64url").toString() : "";
  const match = /^([A-Z][A-Za-z]*):([0-9a-f-]{36})$/.exec(text);
  if (!match || (expected && match[1] !== expected)) {
    throw new ValidationError(field, `Not a valid ${expected ?? "global"} id: "${globalId.slice(0, 60)}"`);
  }
  return { typename: match[1]!, id: match[2]! };
}
