import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CACHED_CALENDARS } from "../../../src/modules/calendar/index.ts";
import { dataOf } from "../../helpers/gql.ts";
import { queryCounter } from "../../helpers/query-counter.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const calendarId = (uuid: string) => Buffer.from(`BusinessCalendar:${uuid}`).toString("base64url");
/** Aliases per request: under the operation limit on aliases. */
const BATCH = 25;

describe("the cache of calendars, unknown ids included", () => {
  const counter = queryCounter();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ wrapAdapter: counter.wrap });
  });
  afterAll(() => t.stop());

  /** Asks `calendar(id:)` for each id and returns the calendar statements that reached the database (Prisma batches a request's lookups into one). */
  async function lookups(uuids: string[]): Promise<number> {
    const { statements } = await counter.measure(async () => {
      for (let start = 0; start < uuids.length; start += BATCH) {
        const batch = uuids.slice(start, start + BATCH);
        const fields = batch.map((uuid, i) => `c${i}: calendar(id: "${calendarId(uuid)}") { id }`).join(" ");
        const answer = dataOf(await t.gql(`{ ${fields} }`));
        expect(Object.values(answer)).toEqual(batch.map(() => null));
      }
    });
    return statements.filter((sql) => /"BusinessCalendar"/.test(sql)).length;
  }

  it("asks the database once per unknown id and keeps at most its bound: the least recently asked is dropped", async () => {
    const first = randomUUID();
    expect(await lookups([first])).toBe(1);
    expect(await lookups([first])).toBe(0); // a miss is remembered

    const others = Array.from({ length: MAX_CACHED_CALENDARS }, () => randomUUID());
    expect(await lookups(others)).toBe(Math.ceil(MAX_CACHED_CALENDARS / BATCH));
    expect(await lookups([others[0]!])).toBe(0); // the bound's worth is still held…
    expect(await lookups([others.at(-1)!])).toBe(0);
    expect(await lookups([first])).toBe(1); // …and the one asked before them made room
  });
});
