/** The calendar module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./calendar-service.ts";
export * from "./schema/calendar-types.ts";
export * from "./schema/calendar.ts";
