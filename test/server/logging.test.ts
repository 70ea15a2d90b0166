import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, inRequest, textLines } from "../../src/logger.ts";
import { loadConfig } from "../../src/config.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  module?: string;
  err?: { message: string; stack: string };
}

const DEBUG = 20;
const ERROR = 50;

/** POSTs a query; answers the body and the request id the server gave it. */
async function post(t: TestApp, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] },
    requestId: response.headers.get("x-request-id"),
  };
}

describe("the service's log (pino, through the front door)", () => {
  const lines: Line[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ log: createLogger({ level: "debug", format: "json" }, { write: (line: string) => void lines.push(JSON.parse(line) as Line) }) });
  });
  afterAll(() => t.stop());
  const ofRequest = (requestId: string | null) => lines.filter((line) => requestId !== null && line.reqId === requestId);

  it("an expected failure (an unknown time zone) is answered by name and logged only at debug, with the request's id from X-Request-Id", async () => {
    const preview = `query($input: BusinessCalendarInput!) { previewCalendar(input: $input) { isOpen(at: "2026-03-02T10:00:00Z") } }`;
    const { body, requestId } = await post(t, preview, { input: { name: "x", timeZone: "Mars/Olympus", weeklyHours: [] } });
    expect(body.errors?.[0]?.message).toMatch(/timeZone/);
    expect(requestId).toMatch(/^[\w-]{8}$/);
    const logged = ofRequest(requestId);
    expect(logged.filter((line) => line.level > DEBUG)).toEqual([]);
    expect(logged).toContainEqual(expect.objectContaining({ level: DEBUG, module: "graphql", msg: body.errors![0]!.message }));
  });

  it("an internal error is masked for the client and logged as an error with its stack and the request's id", async () => {
    await t.app.db.withSession((session) => session.exec(`ALTER TABLE "HelpArticle" RENAME TO "HelpArticleGone"`));
    try {
      const { body, requestId } = await post(t, `{ helpArticles(search: "login") { totalCount } }`);
      expect(body.errors?.[0]).toMatchObject({ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } });
      const errors = ofRequest(requestId).filter((line) => line.level === ERROR);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ module: "graphql", msg: "internal error" });
      expect(errors[0]!.err!.stack).toMatch(/HelpArticle/);
    } finally {
      await t.app.db.withSession((session) => session.exec(`ALTER TABLE "HelpArticleGone" RENAME TO "HelpArticle"`));
    }
  });

  it("two requests at once log under two ids", async () => {
    const [a, b] = await Promise.all([
      post(t, `{ previewCalendar(input: { name: "a", timeZone: "Nowhere/A", weeklyHours: [] }) { isOpen(at: "2026-03-02T10:00:00Z") } }`),
      post(t, `{ previewCalendar(input: { name: "b", timeZone: "Nowhere/B", weeklyHours: [] }) { isOpen(at: "2026-03-02T10:00:00Z") } }`),
    ]);
    expect(a.requestId).not.toBe(b.requestId);
    expect(
      ofRequest(a.requestId)
        .map((line) => line.msg)
        .join(),
    ).toMatch(/Nowhere\/A/);
    expect(
      ofRequest(b.requestId)
        .map((line) => line.msg)
        .join(),
    ).toMatch(/Nowhere\/B/);
  });
});

describe("LOG_LEVEL and LOG_FORMAT", () => {
  it.each([
    [{}, { level: "info", format: "text" }],
    [
      { LOG_LEVEL: "warn", LOG_FORMAT: "json" },
      { level: "warn", format: "json" },
    ],
    [{ LOG_LEVEL: "silent" }, { level: "silent", format: "text" }],
  ])("%j reads as %j", (env, log) => {
    expect(loadConfig(env).log).toEqual(log);
  });

  it.each([
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ LOG_FORMAT: "xml" }, /LOG_FORMAT must be "text" or "json"/],
  ])("%j is refused", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("text lines: the service's name, the module or worker, warnings marked, fields as key=value, errors and their stack on stderr", () => {
    const [out, err] = [[] as string[], [] as string[]];
    const log = createLogger(
      { level: "info", format: "text" },
      textLines({ out: { write: (line: string) => out.push(line) }, err: { write: (line: string) => err.push(line) } }),
    );
    log.info("listening on http://127.0.0.1:4000/graphql");
    log.debug("not at info");
    log.warn("ADMIN_TOKEN looks weak");
    inRequest("req-1", () => log.child({ worker: "outbox relay" }).error({ err: new Error("bus down") }, "publishing failed"));
    expect(out).toEqual(["supportclock: listening on http://127.0.0.1:4000/graphql\n", "supportclock: warning: ADMIN_TOKEN looks weak\n"]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^supportclock: outbox relay: publishing failed reqId=req-1\nError: bus down\n {4}at /);
  });
});
