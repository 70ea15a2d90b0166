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

function redisCounter(url: string): WindowCounter {
  // No offline queue: while Redis is unreachable a count fails at once and the request is let through.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  redis.on("error", () => {});
  return {
    async hit(key, window) {
      const name = `supportclock:rate:${key}:${window}`;
      const [[, count]] = (await redis.multi().incr(name).pexpire(name, WINDOW_MS * 2).exec()) as [[unknown, number]];
      return count;
    },
    close: () => redis.disconnect(),
  };
}

/** Who a request counts against: its credential (hashed, never stored), else its address. */
function callerOf(req: IncomingMessage): string {
  const authorization = req.headers.authorization;
  if (authorization) return "t:" + createHash("sha256").update(authorization).digest("base64url").slice(0, 22);
  return "a:" + (req.socket.remoteAddress ?? "unknown");
}

/**
 * At most `perMinute` GraphQL requests per credential in each minute (a fixed window); the one
 * over it is answered 429 with `Retry-After` (seconds until the window ends) and nothing runs.
 */
export function rateLimit(options: { perMinute: number; redisUrl?: string | undefined; clock?: () => number }) {
  const { perMinute, clock = Date.now } = options;
  const counter = perMinute > 0 ? (options.redisUrl ? redisCounter(options.redisUrl) : memoryCounter()) : null;
  return {
    /** True when the request was refused (and answered). */
    async refused(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      if (!counter) return false;
      const now = clock();
      const window = Math.floor(now / WINDOW_MS);
      let count: number;
      try {
        count = await counter.hit(callerOf(req), window);
      } catch {
        return false;
      }
      if (count <= perMinute) return false;
      const retryAfter = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
      const body = { errors: [{ message: `Rate limit: more than ${perMinute} requests in a minute; retry after ${retryAfter} s`, extensions: { code: "RATE_LIMITED", limit: perMinute, measured: count, retryAfter } }] };
      res.writeHead(429, { "content-type": "application/json; charset=utf-8", "retry-after": String(retryAfter) }).end(JSON.stringify(body));
      return true;
    },
    close: () => counter?.close(),
  };
}
