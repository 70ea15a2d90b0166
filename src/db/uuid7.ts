import { randomFillSync } from "node:crypto";

let lastMs = 0;
let counter = 0;
// Entropy drawn in bulk: one call into the CSPRNG per 256 ids instead of one per id.
const pool = Buffer.alloc(16 * 256);
let used = pool.length;

/**
 * A time-ordered UUID (RFC 9562 version 7), as Prisma's `uuid(7)` default makes them, for rows
 * written with raw SQL. Within one millisecond a 12-bit counter keeps ids of this process ascending.
 */
export function uuid7(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = pool.subarray(used, used + 16);
  used += 16;
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = bytes.readUInt16BE(6) & 0x3ff;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
