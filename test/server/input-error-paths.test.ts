import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postGql } from "../helpers/gql.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";

describe("scalar and input errors name the argument or input field", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const preview = (weeklyHours: string, at = `"2026-12-24T10:00:00+01:00"`) =>
    `{ previewCalendar(input: { name: "x", timeZone: "Europe/Berlin", weeklyHours: [${weeklyHours}] }) { isOpen(at: ${at}) } }`;

  it.each<[string, string, string, RegExp]>([
    [
      "a LocalTime literal in a list of input objects",
      preview(`{ day: MONDAY, start: "09:00", end: "17:00" }, { day: TUESDAY, start: "9:00", end: "17:00" }`),
      "previewCalendar(input.weeklyHours.1.start)",
      /LocalTime must be HH:mm/,
    ],
    ["a DateTime literal argument of a nested field", preview(`{ day: MONDAY, start: "09:00", end: "17:00" }`, `"yesterday"`), "isOpen(at)", /DateTime/],
    ["an enum value in an input object", preview(`{ day: MONTAG, start: "09:00", end: "17:00" }`), "previewCalendar(input.weeklyHours.0.day)", /Weekday/],
  ])("%s", async (_name, query, field, message) => {
    const body = await postGql(t.url, query, {}, ADMIN_TOKEN);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(message),
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: field.slice(field.indexOf("(") + 1, -1) }),
      }),
    ]);
    expect(body.errors![0]!.message.startsWith(`${field}: `)).toBe(true);
  });

  it("a variable's error already carries its path", async () => {
    const body = await postGql(
      t.url,
      `query($input: BusinessCalendarInput!) { previewCalendar(input: $input) { isOpen(at: "2026-12-24T10:00:00+01:00") } }`,
      {
        input: { name: "x", timeZone: "Europe/Berlin", weeklyHours: [{ day: "MONDAY", start: "9:00", end: "17:00" }] },
      },
      ADMIN_TOKEN,
    );
    expect(body.errors![0]!.message).toContain(`at "input.weeklyHours[0].start"; LocalTime must be HH:mm`);
  });
});
