import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = "text" | "json";

export interface LogOptions {
  /** LOG_LEVEL, default info */
  level: LogLevel;
  /** LOG_FORMAT: `text` lines a person reads (`supportclock: …`), or pino's JSON lines for a collector */
  format: LogFormat;
}

const requests = new AsyncLocalStorage<string>();

/** A short random id for a request, answered in X-Request-Id and carried by every line logged while it runs. */
export const newRequestId = () => randomBytes(6).toString("base64url");

/** Runs `work` as request `id`: every line logged meanwhile, by any logger, carries `reqId`. */
export const inRequest = <T>(id: string, work: () => T): T => requests.run(id, work);

/** The id of the request the current work serves; undefined in background work (workers, timers). */
export const currentRequestId = (): string | undefined => requests.getStore();

/**
 * The service's one logger; modules and workers log through a child naming them (`module` or
 * `worker`). `destination` replaces stdout/stderr (tests read what was logged).
 */
export function createLogger({ level, format }: LogOptions, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      mixin: () => {
        const reqId = requests.getStore();
        return reqId ? { reqId } : {};
      },
    },
    destination ?? (format === "json" ? pino.destination({ fd: 1, sync: true }) : textLines({ out: process.stdout, err: process.stderr })),
  );
}

/** For code run without the app (a test's worker): logs nothing. */
export const silentLogger: Logger = pino({ level: "silent" });

interface TextStreams {
  out: { write(line: string): unknown };
  err: { write(line: string): unknown };
}

const LEVEL = { warn: 40, error: 50 };
const NOT_SHOWN = new Set(["level", "time", "pid", "hostname", "msg", "module", "worker", "err"]);

/**
 * The start-up lines people read (`supportclock: listening on …`): errors on stderr, the rest on
 * stdout, a logger's `module`/`worker` after the name, other fields as key=value, a stack below.
 */
export function textLines(streams: TextStreams): DestinationStream {
  return {
    write(json: string) {
      const record = JSON.parse(json) as Record<string, unknown> & { level: number; msg?: string; err?: { stack?: string } };
      const who = record.module ?? record.worker;
      const fields = Object.entries(record).filter(([key]) => !NOT_SHOWN.has(key));
      const line = [
        `supportclock: ${who ? `${String(who)}: ` : ""}${record.level === LEVEL.warn ? "warning: " : ""}${record.msg ?? ""}`,
        ...fields.map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`),
      ].join(" ");
      const stack = record.err?.stack ? `\n${record.err.stack}` : "";
      (record.level >= LEVEL.error ? streams.err : streams.out).write(`${line}${stack}\n`);
    },
  };
}
