import { resolveArrayConnection } from "@pothos/plugin-relay";
import { isStaff } from "../../../auth/policy.ts";
import type { CalendarView } from "../calendar-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { BusinessCalendarInput, ClockMode, DateException, DurationUnit, Holiday, OpenInterval, WeeklyInterval } from "./calendar-types.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { globalIdField } from "../../../graphql/input-fields.ts";

const ms = (date: Date) => date.getTime();

export const BusinessCalendar = builder.node(builder.objectRef<CalendarView>("BusinessCalendar"), {
  description: "A business calendar: the hours in which promises are counted. Evaluation fields take instants.",
  id: { resolve: (calendar) => calendar.id },
  loadOne: (id, ctx) => ctx.services.calendars.get(id),
  authScopes: { authenticated: true },
  isTypeOf: (value) => typeof value === "object" && value !== null && "engine" in value,
  fields: (t) => ({
    name: t.string({ description: "A name for people, e.g. Premium support.", resolve: (c) => c.definition.name }),
    timeZone: t.string({ description: "IANA time zone the local hours are in, e.g. Europe/Berlin.", resolve: (c) => c.definition.timeZone }),
    weeklyHours: t.field({
      description: "Local opening intervals per weekday; several per day allowed, 24:00 as an end.",
      type: [WeeklyInterval],
      resolve: (c) => c.definition.weeklyHours,
    }),
    explicitHolidays: t.field({
      description: "Holidays named one by one, in addition to the regions' public holidays.",
      type: [Holiday],
      resolve: (c) => c.definition.holidays ?? [],
    }),
    holidayRegions: t.stringList({
      description: "Regions whose public holidays close the calendar, e.g. DE, DE-BY, AT, CH-ZH.",
      resolve: (c) => c.definition.holidayRegions ?? [],
    }),
    exceptions: t.field({
      description: "Dates whose hours differ from the weekly hours (closed, or other hours).",
      type: [DateException],
      resolve: (c) => c.definition.exceptions ?? [],
    }),
    archivedAt: t.field({ description: "When it was archived; null while in use.", type: "DateTime", nullable: true, resolve: (c) => c.archivedAt }),
    isOpen: t.boolean({
      description: "Whether the calendar is open at the instant (an opening instant is open, a closing one is not).",
      args: { at: t.arg({ description: "The instant to ask about.", type: "DateTime" }) },
      resolve: (c, { at }) => c.engine.isOpen(ms(at)),
    }),
    nextOpening: t.field({
      type: "DateTime",
      nullable: true,
      description: "`after` itself when open then; null when the calendar never opens again.",
      args: { after: t.arg({ description: "The instant to search from; an open instant is its own answer.", type: "DateTime" }) },
      resolve: (c, { after }) => c.engine.nextOpening(ms(after)),
    }),
    addBusinessMinutes: t.field({
      type: "DateTime",
      description: "BUSINESS_HOURS clock. Lands on the end of an interval when the budget runs out exactly there.",
      args: {
        from: t.arg({ description: "The instant to count from.", type: "DateTime" }),
        minutes: t.arg.int({ description: "Open minutes to add: a whole number from 0." }),
      },
      resolve: (c, { from, minutes }) => c.engine.addBusinessMinutes(ms(from), minutes),
    }),
    add: t.field({
      description:
        "The instant `amount` units of the clock mode's time after `from` (HOURS of BUSINESS_HOURS count open time only); null if the calendar never opens again.",
      type: "DateTime",
      args: {
        from: t.arg({ description: "The instant to count from.", type: "DateTime" }),
        amount: t.arg.int({ description: "How many units to add: a whole number from 1." }),
        unit: t.arg({ description: "MINUTES, HOURS or DAYS.", type: DurationUnit }),
        clock: t.arg({
          description: "Which time counts: BUSINESS_HOURS (open intervals), WORKING_DAYS (whole working days) or CALENDAR (all time).",
          type: ClockMode,
        }),
      },
      resolve: (c, { from, amount, unit, clock }) => c.engine.add(ms(from), amount, unit, clock),
    }),
    businessMinutesBetween: t.int({
      description: "Whole business minutes; negative when to < from.",
      args: {
        from: t.arg({ description: "Start of the span, inclusive.", type: "DateTime" }),
        to: t.arg({ description: "End of the span, exclusive; not before from.", type: "DateTime" }),
      },
      resolve: (c, { from, to }) => c.engine.businessMinutesBetween(ms(from), ms(to)),
    }),
    openingsBetween: t.field({
      description: "The open intervals within [from, to), in order.",
      type: [OpenInterval],
      args: {
        from: t.arg({ description: "Start of the span, inclusive.", type: "DateTime" }),
        to: t.arg({ description: "End of the span, exclusive; at most 366 days after from.", type: "DateTime" }),
      },
      resolve: (c, { from, to }) => c.engine.openingsBetween(ms(from), ms(to)),
    }),
    holidays: t.field({
      type: [Holiday],
      description: "Explicit, generated public and closed-exception dates between two dates (inclusive).",
      args: {
        from: t.arg({ description: "First local date, inclusive (YYYY-MM-DD).", type: "Date" }),
        to: t.arg({ description: "Last local date, inclusive (YYYY-MM-DD); at most 3 years after from.", type: "Date" }),
      },
      resolve: (c, { from, to }) => c.engine.holidays(from, to),
    }),
    icsPath: t.string({
      nullable: true,
      description:
        "Staff only: path of the iCalendar feed of closures (stored calendars only), relative to the server. The path holds the feed's secret: whoever has it reads the closures; calendarFeedRotate replaces it.",
      resolve: (c, _args, ctx) => (c.feedToken && isStaff(ctx.viewer) ? `/calendars/${c.feedToken}.ics` : null),
    }),
  }),
});

builder.queryFields((t) => ({
  previewCalendar: t.field({
    type: BusinessCalendar,
    description: "Evaluates an unsaved definition.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: BusinessCalendarInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.calendars.preview(input),
  }),
  calendar: t.field({
    description: "The stored calendar with this id, or null.",
    type: BusinessCalendar,
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ description: "A calendar's global id." }) },
    resolve: (_root, { id }, ctx) => ctx.services.calendars.get(decodeId("id", id, "BusinessCalendar").id),
  }),
  calendars: t.connection(
    {
      description: "Stored business calendars, by name.",
      type: BusinessCalendar,
      authScopes: { authenticated: true },
      args: { includeArchived: t.arg.boolean({ description: "Include archived calendars; default false.", required: false }) },
      resolve: async (_root, args, ctx) => {
        const calendars = await ctx.services.calendars.list(args);
        return { ...resolveArrayConnection({ args }, calendars), totalCount: calendars.length };
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (connection) => (connection as { totalCount: number }).totalCount }) }) },
  ),
}));

const CalendarUpdateInput = builder.inputType("CalendarUpdateInput", {
  description: "A stored calendar and the definition that replaces it whole.",
  fields: (t) => ({ id: globalIdField(t, "calendar"), calendar: t.field({ type: BusinessCalendarInput, description: "The whole new definition." }) }),
});
const CalendarArchiveInput = builder.inputType("CalendarArchiveInput", {
  description: "A stored calendar to archive; archiving it again keeps the first archivedAt.",
  fields: (t) => ({ id: globalIdField(t, "calendar") }),
});
const CalendarFeedRotateInput = builder.inputType("CalendarFeedRotateInput", {
  description: "The calendar whose feed URL is replaced; the old URL stops answering.",
  fields: (t) => ({ id: globalIdField(t, "calendar") }),
});
const result = { types: COMMON_ERRORS, dataField: { name: "calendar", description: "The stored calendar as it is after the write." } };

builder.mutationFields((t) => ({
  calendarCreate: t.field({
    description: "Stores a business calendar definition after checking it (zone, weekly hours, holidays, exceptions).",
    type: BusinessCalendar,
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: BusinessCalendarInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.calendars.create(ctx.viewer, input),
  }),
  calendarUpdate: t.field({
    description: "Replaces a stored calendar's definition; clocks counted in it use the new hours from now on.",
    type: BusinessCalendar,
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: CalendarUpdateInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.calendars.update(ctx.viewer, decodeId("id", input.id, "BusinessCalendar").id, input.calendar),
  }),
  calendarFeedRotate: t.field({
    description: "Replaces the secret in the calendar's .ics feed URL (`icsPath`): the old URL answers 404 from now on.",
    type: BusinessCalendar,
    authScopes: { staff: true },
    errors: { types: COMMON_ERRORS, dataField: { name: "calendar", description: "The calendar, with its new icsPath." } },
    args: { input: t.arg({ type: CalendarFeedRotateInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.calendars.rotateFeed(ctx.viewer, decodeId("id", input.id, "BusinessCalendar").id),
  }),
  calendarArchive: t.field({
    description: "Archives a business calendar: it stays readable and keeps counting existing clocks, but new tiers cannot use it.",
    type: BusinessCalendar,
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: CalendarArchiveInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.calendars.archive(ctx.viewer, decodeId("id", input.id, "BusinessCalendar").id),
  }),
}));
