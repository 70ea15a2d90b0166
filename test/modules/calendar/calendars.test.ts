import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paidLevels, premiumBerlin } from "../../fixtures/calendars.ts";
import { dataOf } from "../../helpers/gql.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const PREVIEW = `query($input: BusinessCalendarInput!, $at: DateTime!, $from: DateTime!, $to: DateTime!, $minutes: Int!) {
  previewCalendar(input: $input) {
    id
    isOpen(at: $at)
    nextOpening(after: $at)
    addBusinessMinutes(from: $from, minutes: $minutes)
    wd: add(from: $from, amount: 1, unit: DAYS, clock: WORKING_DAYS)
    cal: add(from: $from, amount: 90, unit: MINUTES, clock: CALENDAR)
    businessMinutesBetween(from: $from, to: $to)
    back: businessMinutesBetween(from: $to, to: $from)
    openingsBetween(from: $from, to: $to) { start end }
  }
}`;
const CREATE = `mutation($input: BusinessCalendarInput!) {
  calendarCreate(input: $input) {
    __typename
    ... on CalendarCreateSuccess { calendar { id name timeZone holidayRegions weeklyHours { day start end } icsPath } }
    ... on ValidationError { field message }
  }
}`;

describe("business calendars through GraphQL", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("previewCalendar evaluates the premium add-on hours across lunch, the Friday short day and the weekend", async () => {
    const { previewCalendar } = dataOf(
      await t.gql(PREVIEW, {
        input: premiumBerlin,
        at: "2026-11-20T12:30:00+01:00", // Friday after 12:00: closed until Monday 09:00
        from: "2026-11-19T15:30:00+01:00", // Thursday, 30 minutes before closing
        to: "2026-11-23T10:00:00+01:00",
        minutes: 240,
      }),
    );
    expect(previewCalendar).toMatchObject({
      isOpen: false,
      nextOpening: "2026-11-23T08:00:00.000Z",
      // 30 min Thu + 180 min Fri = 210; 30 more on Monday from 09:00
      addBusinessMinutes: "2026-11-23T08:30:00.000Z",
      wd: "2026-11-20T14:30:00.000Z",
      cal: "2026-11-19T16:00:00.000Z",
      businessMinutesBetween: 270,
      back: -270,
      openingsBetween: [
        { start: "2026-11-19T14:30:00.000Z", end: "2026-11-19T15:00:00.000Z" },
        { start: "2026-11-20T08:00:00.000Z", end: "2026-11-20T11:00:00.000Z" },
        { start: "2026-11-23T08:00:00.000Z", end: "2026-11-23T09:00:00.000Z" },
      ],
    });
  });

  it("lands on the end of an interval when the budget runs out exactly there", async () => {
    const { previewCalendar } = dataOf(
      await t.gql(
        `query($input: BusinessCalendarInput!) { previewCalendar(input: $input) {
        end: addBusinessMinutes(from: "2026-11-19T09:00:00+01:00", minutes: 180)
        zeroOpen: addBusinessMinutes(from: "2026-11-19T10:00:00+01:00", minutes: 0)
        zeroClosed: addBusinessMinutes(from: "2026-11-19T12:15:00+01:00", minutes: 0)
      } }`,
        { input: premiumBerlin },
      ),
    );
    expect(previewCalendar).toEqual({ end: "2026-11-19T11:00:00.000Z", zeroOpen: "2026-11-19T09:00:00.000Z", zeroClosed: "2026-11-19T12:00:00.000Z" });
  });

  it.each([
    ["an unknown zone", { ...paidLevels, timeZone: "Mars/Olympus" }, "input.timeZone"],
    ["end before start", { ...paidLevels, weeklyHours: [{ day: "MONDAY", start: "10:00", end: "09:00" }] }, "input.weeklyHours.0.end"],
    [
      "overlapping intervals",
      {
        ...paidLevels,
        weeklyHours: [
          { day: "MONDAY", start: "09:00", end: "12:00" },
          { day: "MONDAY", start: "11:00", end: "13:00" },
        ],
      },
      "input.weeklyHours",
    ],
    ["an unknown region", { ...paidLevels, holidayRegions: ["DE-XX"] }, "input.holidayRegions.0"],
  ])("previewCalendar names the field for %s", async (_label, input, field) => {
    const response = await t.gql(`query($input: BusinessCalendarInput!) { previewCalendar(input: $input) { id } }`, { input });
    expect(response.errors?.[0]?.message).toContain(field.replace("input.", ""));
    expect(String(response.errors?.[0]?.extensions?.field)).toContain(field);
  });

  it("refuses negative minutes naming the argument, and answers null for a calendar that never opens", async () => {
    const negative = await t.gql(
      `query($input: BusinessCalendarInput!) { previewCalendar(input: $input) { addBusinessMinutes(from: "2026-11-19T09:00:00Z", minutes: -5) } }`,
      { input: paidLevels },
    );
    expect(negative.errors?.[0]?.message).toContain("minutes");
    const never = dataOf(
      await t.gql(`query($input: BusinessCalendarInput!) { previewCalendar(input: $input) { nextOpening(after: "2026-11-19T09:00:00Z") } }`, {
        input: { name: "Never", timeZone: "Europe/Berlin", weeklyHours: [] },
      }),
    );
    expect(never.previewCalendar.nextOpening).toBeNull();
  });

  it("stores, updates, lists, archives calendars and lists holidays with their source", async () => {
    const created = dataOf(await t.gql(CREATE, { input: premiumBerlin })).calendarCreate;
    expect(created).toMatchObject({
      __typename: "CalendarCreateSuccess",
      calendar: { name: premiumBerlin.name, timeZone: "Europe/Berlin", holidayRegions: ["DE"] },
    });
    const id = created.calendar.id;
    const { calendar } = dataOf(
      await t.gql(`query($id: ID!) { calendar(id: $id) { holidays(from: "2026-12-24", to: "2026-12-31") { date name source } } }`, { id }),
    );
    expect(calendar.holidays.map((h: any) => [h.date, h.source])).toEqual([
      ["2026-12-25", "REGION:DE"],
      ["2026-12-26", "REGION:DE"],
    ]);

    const updated = dataOf(
      await t.gql(
        `mutation($input: CalendarUpdateInput!) { calendarUpdate(input: $input) { __typename ... on CalendarUpdateSuccess { calendar { isOpen(at: "2026-12-24T10:00:00+01:00") } } } }`,
        {
          input: { id, calendar: { ...premiumBerlin, exceptions: [{ date: "2026-12-24", intervals: [] }] } },
        },
      ),
    ).calendarUpdate;
    expect(updated.calendar.isOpen).toBe(false);
    const { node } = dataOf(await t.gql(`query($id: ID!) { node(id: $id) { ... on BusinessCalendar { isOpen(at: "2026-12-24T10:00:00+01:00") } } }`, { id }));
    expect(node.isOpen).toBe(false);

    dataOf(await t.gql(`mutation($id: ID!) { calendarArchive(input: { id: $id }) { __typename } }`, { id }));
    const active = dataOf(await t.gql(`{ calendars { totalCount } }`)).calendars;
    const all = dataOf(await t.gql(`{ calendars(includeArchived: true) { totalCount edges { node { id archivedAt } } } }`)).calendars;
    expect(all.totalCount).toBe(active.totalCount + 1);
  });

  it("rejects a bad definition in calendarCreate as a ValidationError and writes nothing", async () => {
    const before = dataOf(await t.gql(`{ calendars(includeArchived: true) { totalCount } }`)).calendars.totalCount;
    const result = dataOf(await t.gql(CREATE, { input: { ...paidLevels, holidays: [{ date: "2026-12-24" }, { date: "2026-12-24" }] } })).calendarCreate;
    expect(result).toMatchObject({ __typename: "ValidationError", field: "holidays.1.date" });
    expect(dataOf(await t.gql(`{ calendars(includeArchived: true) { totalCount } }`)).calendars.totalCount).toBe(before);
  });

  it("keeps calendar changes to staff", async () => {
    const customer = await t.token("AGENT");
    expect(dataOf(await t.gql(CREATE, { input: paidLevels }, customer)).calendarCreate.__typename).toBe("CalendarCreateSuccess");
    const response = await t.gql(CREATE, { input: paidLevels }, null);
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("serves the closures as an iCalendar feed", async () => {
    const { calendarCreate } = dataOf(
      await t.gql(CREATE, { input: { ...premiumBerlin, holidays: [{ date: "2026-12-31", name: "New Year's Eve; office closed" }] } }),
    );
    const response = await fetch(`${t.url}${calendarCreate.calendar.icsPath}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const text = await response.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain("DTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226");
    expect(text).toContain("SUMMARY:New Year's Eve\\; office closed");
    expect((await fetch(`${t.url}/calendars/00000000-0000-0000-0000-000000000000.ics`)).status).toBe(404);
  });

  it("names the feed by a secret, not the calendar id: only staff read it, rotating it retires the old URL", async () => {
    const { calendarCreate } = dataOf(await t.gql(CREATE, { input: premiumBerlin }));
    const { id, icsPath } = calendarCreate.calendar;
    expect(icsPath).toMatch(/^\/calendars\/[0-9a-f]{64}\.ics$/);
    expect(icsPath).not.toContain(Buffer.from(id, "base64url").toString().split(":")[1]);
    expect((await fetch(`${t.url}/calendars/${Buffer.from(id, "base64url").toString().split(":")[1]}.ics`)).status).toBe(404);
    await t.gql(`mutation { accountCreate(input: { customerNumber: "C-ICS-1", name: "Feed reader" }) { __typename } }`);
    const customer = await t.token("CUSTOMER", { customerNumber: "C-ICS-1" });
    expect(dataOf(await t.gql(`query($id: ID!) { calendar(id: $id) { name icsPath } }`, { id }, customer)).calendar).toEqual({
      name: premiumBerlin.name,
      icsPath: null,
    });

    const ROTATE = `mutation($id: ID!) { calendarFeedRotate(input: { id: $id }) { __typename ... on CalendarFeedRotateSuccess { calendar { icsPath } } ... on Error { code } } }`;
    expect((await t.gql(ROTATE, { id }, customer)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const rotated = dataOf(await t.gql(ROTATE, { id })).calendarFeedRotate.calendar.icsPath;
    expect(rotated).toMatch(/^\/calendars\/[0-9a-f]{64}\.ics$/);
    expect(rotated).not.toBe(icsPath);
    expect((await fetch(`${t.url}${icsPath}`)).status).toBe(404);
    expect((await fetch(`${t.url}${rotated}`)).status).toBe(200);
  });

  it("answers anonymous callers of previewCalendar and calendar nodes UNAUTHENTICATED or null", async () => {
    const preview = await t.gql(`query($input: BusinessCalendarInput!) { previewCalendar(input: $input) { name } }`, { input: premiumBerlin }, null);
    expect(preview.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const { id } = dataOf(await t.gql(CREATE, { input: premiumBerlin })).calendarCreate.calendar;
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, null)).data).toEqual({ node: null });
  });
});
