import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Redis } from "ioredis";

const WINDOW_MS = 60_000;

/** Counts a caller's requests in the current minute; stored in Redis (shared by every instance) or in this process. */
interface WindowCounter {
  /** The caller's count in `window` after this request. */
  hit(key: string, window: number): Promise<number>;
  close(): void;
}

function memoryCounter(): WindowCounter {
  let current = -1;
  const counts = new Map<string, number>();
  return {
    async hit(key, window) {
      // only the current minute is kept, so the map holds at most one entry per caller seen in it
      if (window !== current) {
        counts.clear();
        current = window;
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return count;
    },
    close() {},
  };
}

function redisCounter(url: string, prefix: string): WindowCounter {
  // No offline queue: while Redis is unreachable a count fails at once and the request is let through.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  redis.on("error", () => {});
  return {
    async hit(key, window) {
      const name = `${prefix}:rate:${key}:${window}`;
      const [[, count]] = (await redis
        .multi()
        .incr(name)
        .pexpire(name, WINDOW_MS * 2)
        .exec()) as [[unknown, number]];
      return count;
    },
    close: () => redis.disconnect(),
  };
}

/** Who a request counts against: its credential (hashed, never stored), else its address. The same bearer value counts as one caller over HTTP and WebSocket. */
function callerOf(authorization: string | undefined, address: string | undefined): string {
  if (authorization) return `t:${createHash("sha256").update(authorization).digest("base64url").slice(0, 22)}`;
  return `a:${address ?? "unknown"}`;
}

/** What a refusal says: the limit, the count that went over it and the seconds until the window ends. */
export interface RateRefusal {
  message: string;
  extensions: { code: "RATE_LIMITED"; limit: number; measured: number; retryAfter: number };
}

/**
 * At most `perMinute` GraphQL requests per credential in each minute (a fixed window), counted
 * together for HTTP requests and WebSocket operations (each `subscribe` message, whatever its
 * kind); the one over it is refused and nothing runs: HTTP answers 429 with `Retry-After`
 * (seconds until the window ends), a socket gets the same error for that operation.
 */
export function rateLimit(options: { perMinute: number; redisUrl?: string | undefined; redisPrefix?: string; clock?: () => number }) {
  const { perMinute, clock = Date.now } = options;
  const counter = perMinute > 0 ? (options.redisUrl ? redisCounter(options.redisUrl, options.redisPrefix ?? "supportclock") : memoryCounter()) : null;
  /** Counts one request of the caller; the refusal when it is over the limit, else null. */
  const check = async (authorization: string | undefined, address: string | undefined): Promise<RateRefusal | null> => {
    if (!counter) return null;
    const now = clock();
    const window = Math.floor(now / WINDOW_MS);
    let count: number;
    try {
      count = await counter.hit(callerOf(authorization, address), window);
    } catch {
      return null;
    }
    if (count <= perMinute) return null;
    const retryAfter = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
    return {
      message: `Rate limit: more than ${perMinute} requests in a minute; retry after ${retryAfter} s`,
      extensions: { code: "RATE_LIMITED", limit: perMinute, measured: count, retryAfter },
    };
  };
  return {
    check,
    /** True when the HTTP request was refused (and answered). */
    async refused(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      const refusal = await check(req.headers.authorization, req.socket.remoteAddress);
      if (!refusal) return false;
      res
        .writeHead(429, { "content-type": "application/json; charset=utf-8", "retry-after": String(refusal.extensions.retryAfter) })
        .end(JSON.stringify({ errors: [refusal] }));
      return true;
    },
    close: () => counter?.close(),
  };
}

export type RateLimit = ReturnType<typeof rateLimit>;
