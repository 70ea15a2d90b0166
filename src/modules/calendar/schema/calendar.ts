import { resolveArrayConnection } from "@pothos/plugin-relay";
import type { CalendarView } from "../calendar-service.ts";
import { builder } from "../../../graphql/builder.ts";
import { BusinessCalendarInput, ClockMode, DateException, DurationUnit, Holiday, OpenInterval, WeeklyInterval } from "./calendar-types.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { decodeId } from "../../../graphql/global-id.ts";

const ms = (date: Date) => date.getTime();

export const BusinessCalendar = builder.node(builder.objectRef<CalendarView>("BusinessCalendar"), {
  description: "A business calendar: the hours in which promises are counted. Evaluation fields take instants.",
  id: { resolve: (calendar) => calendar.id },
  loadOne: (id, ctx) => ctx.services.calendars.get(id),
  isTypeOf: (value) => typeof value === "object" && value !== null && "engine" in value,
  fields: (t) => ({
    name: t.string({ resolve: (c) => c.definition.name }),
    timeZone: t.string({ resolve: (c) => c.definition.timeZone }),
    weeklyHours: t.field({ type: [WeeklyInterval], resolve: (c) => c.definition.weeklyHours }),
    explicitHolidays: t.field({ type: [Holiday], resolve: (c) => c.definition.holidays ?? [] }),
    holidayRegions: t.stringList({ resolve: (c) => c.definition.holidayRegions ?? [] }),
    exceptions: t.field({ type: [DateException], resolve: (c) => c.definition.exceptions ?? [] }),
    archivedAt: t.field({ type: "DateTime", nullable: true, resolve: (c) => c.archivedAt }),
    isOpen: t.boolean({ args: { at: t.arg({ type: "DateTime" }) }, resolve: (c, { at }) => c.engine.isOpen(ms(at)) }),
    nextOpening: t.field({
      type: "DateTime",
      nullable: true,
      description: "`after` itself when open then; null when the calendar never opens again.",
      args: { after: t.arg({ type: "DateTime" }) },
      resolve: (c, { after }) => c.engine.nextOpening(ms(after)),
    }),
    addBusinessMinutes: t.field({
      type: "DateTime",
      description: "BUSINESS_HOURS clock. Lands on the end of an interval when the budget runs out exactly there.",
      args: { from: t.arg({ type: "DateTime" }), minutes: t.arg.int() },
      resolve: (c, { from, minutes }) => c.engine.addBusinessMinutes(ms(from), minutes),
    }),
    add: t.field({
      type: "DateTime",
      args: { from: t.arg({ type: "DateTime" }), amount: t.arg.int(), unit: t.arg({ type: DurationUnit }), clock: t.arg({ type: ClockMode }) },
      resolve: (c, { from, amount, unit, clock }) => c.engine.add(ms(from), amount, unit, clock),
    }),
    businessMinutesBetween: t.int({
      description: "Whole business minutes; negative when to < from.",
      args: { from: t.arg({ type: "DateTime" }), to: t.arg({ type: "DateTime" }) },
      resolve: (c, { from, to }) => c.engine.businessMinutesBetween(ms(from), ms(to)),
    }),
    openingsBetween: t.field({
      type: [OpenInterval],
      args: { from: t.arg({ type: "DateTime" }), to: t.arg({ type: "DateTime" }) },
      resolve: (c, { from, to }) => c.engine.openingsBetween(ms(from), ms(to)),
    }),
    holidays: t.field({
      type: [Holiday],
      description: "Explicit, generated public and closed-exception dates between two dates (inclusive).",
      args: { from: t.arg({ type: "Date" }), to: t.arg({ type: "Date" }) },
      resolve: (c, { from, to }) => c.engine.holidays(from, to),
    }),
    icsPath: t.string({
      nullable: true,
      description: "Path of the iCalendar feed of closures (stored calendars only), relative to the server.",
      resolve: (c) => (c.stored ? `/calendars/${c.id}.ics` : null),
    }),
  }),
});

builder.queryFields((t) => ({
  previewCalendar: t.field({
    type: BusinessCalendar,
    description: "Evaluates an unsaved definition.",
    args: { input: t.arg({ type: BusinessCalendarInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.calendars.preview(input),
  }),
  calendar: t.field({ description: "The stored calendar with this id, or null.",
    type: BusinessCalendar,
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ description: "A calendar's global id." }) },
    resolve: (_root, { id }, ctx) => ctx.services.calendars.get(decodeId("id", id, "BusinessCalendar").id),
  }),
  calendars: t.connection(
    { description: "Stored business calendars, by name.",
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
  fields: (t) => ({ id: t.id(), calendar: t.field({ type: BusinessCalendarInput, description: "The whole new definition." }) }),
});
const CalendarArchiveInput = builder.inputType("CalendarArchiveInput", { fields: (t) => ({ id: t.id() }) });
const result = { types: COMMON_ERRORS, dataField: { name: "calendar" } };

builder.mutationFields((t) => ({
  calendarCreate: t.field({ description: "Stores a business calendar definition after checking it (zone, weekly hours, holidays, exceptions).",
    type: BusinessCalendar,
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: BusinessCalendarInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.calendars.create(ctx.viewer, input),
  }),
  calendarUpdate: t.field({ description: "Replaces a stored calendar's definition; clocks counted in it use the new hours from now on.",
    type: BusinessCalendar,
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: CalendarUpdateInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.calendars.update(ctx.viewer, decodeId("id", input.id, "BusinessCalendar").id, input.calendar),
  }),
  calendarArchive: t.field({ description: "Archives a business calendar: it stays readable and keeps counting existing clocks, but new tiers cannot use it.",
    type: BusinessCalendar,
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: CalendarArchiveInput, description: "What to do; each input field states its rule." }) },
    resolve: (_root, { input }, ctx) => ctx.services.calendars.archive(ctx.viewer, decodeId("id", input.id, "BusinessCalendar").id),
  }),
}));
