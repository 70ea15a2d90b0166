import { createHash, randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import { requireStaff } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { type BusinessCalendar, type CalendarDefinition, compileCalendar } from "./domain/index.ts";
import { NotFoundError, ValidationError } from "../../domain/errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { scopeKey } from "../../db/workspace-scope.ts";

const STAFF_ONLY = "Only staff may change calendars";

/** A calendar as the API shows it: stored or previewed, with its compiled engine. */
export interface CalendarView {
  id: string;
  definition: CalendarDefinition;
  engine: BusinessCalendar;
  archivedAt: Date | null;
  stored: boolean;
  /** The secret of a stored calendar's .ics feed URL; null for a preview. */
  feedToken: string | null;
}

type Row = { id: string; definition: Prisma.JsonValue; archivedAt: Date | null; feedToken: string };
/** Compiled calendars kept at most (misses, unknown ids included, count too: bounded memory whatever ids are asked for). */
export const MAX_CACHED_CALENDARS = 2_000;
/** The feed's secret: 64 hex characters. */
const FEED_TOKEN = /^[0-9a-f]{64}$/;

export class CalendarService {
  /** Compiled calendars by scope and id; each instance drops an entry when any instance changes it. */
  private readonly cache = new LRUCache<string, Promise<CalendarView | null>>({ max: MAX_CACHED_CALENDARS });

  constructor(private readonly deps: ServiceDeps) {
    void (async () => {
      for await (const { calendarId } of deps.bus.subscribe("calendarChanged")) this.forget(calendarId);
    })();
  }

  /** Evaluates an unsaved definition; its id is derived from the definition, so it is stable. */
  preview(definition: CalendarDefinition): CalendarView {
    const engine = compileAt("input.", definition);
    const digest = createHash("sha256").update(JSON.stringify(engine.definition)).digest("hex");
    const id = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-8${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
    return { id, definition: engine.definition, engine, archivedAt: null, stored: false, feedToken: null };
  }

  async create(viewer: Viewer, definition: CalendarDefinition): Promise<CalendarView> {
    requireStaff(viewer, STAFF_ONLY);
    const engine = compileAt("", definition);
    const row = await this.deps.prisma.businessCalendar.create({ data: columns(engine.definition) });
    return view(row, engine);
  }

  async update(viewer: Viewer, id: string, definition: CalendarDefinition): Promise<CalendarView> {
    requireStaff(viewer, STAFF_ONLY);
    await this.require(id);
    const engine = compileAt("calendar.", definition);
    const row = await this.deps.prisma.businessCalendar.update({ where: { id }, data: columns(engine.definition) });
    await this.changed(id);
    return view(row, engine);
  }

  async archive(viewer: Viewer, id: string): Promise<CalendarView> {
    requireStaff(viewer, STAFF_ONLY);
    const current = await this.require(id);
    const row = await this.deps.prisma.businessCalendar.update({ where: { id }, data: { archivedAt: current.archivedAt ?? this.deps.now() } });
    await this.changed(id);
    return view(row, current.engine);
  }

  /** A stored calendar (archived ones too: old tickets still count in them), or null. */
  get(id: string): Promise<CalendarView | null> {
    // A calendar id seen from another workspace is simply not there.
    const key = `${scopeKey()}:${id}`;
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.deps.prisma.businessCalendar
        .findUnique({ where: { id } })
        .then((row) => (row ? view(row, compileCalendar(row.definition as unknown as CalendarDefinition)) : null));
      entry.catch(() => this.cache.delete(key));
      this.cache.set(key, entry);
    }
    return entry;
  }

  /** The calendar whose .ics feed secret this is, in whatever workspace, or null: the secret is the only credential of a feed. */
  async byFeedToken(token: string): Promise<CalendarView | null> {
    if (!FEED_TOKEN.test(token)) return null;
    const row = await this.deps.prisma.businessCalendar.findUnique({ where: { feedToken: token }, select: { id: true } });
    return row ? this.get(row.id) : null;
  }

  /** A new feed secret: the old feed URL stops working at once (on every instance, through calendarChanged). */
  async rotateFeed(viewer: Viewer, id: string): Promise<CalendarView> {
    requireStaff(viewer, STAFF_ONLY);
    const current = await this.require(id);
    const row = await this.deps.prisma.businessCalendar.update({ where: { id }, data: { feedToken: newFeedToken() } });
    await this.changed(id);
    return view(row, current.engine);
  }

  async require(id: string, field = "id"): Promise<CalendarView> {
    const calendar = await this.get(id);
    if (!calendar) throw new NotFoundError(field, "No calendar with this id");
    return calendar;
  }

  async list(options: { includeArchived?: boolean | null }): Promise<CalendarView[]> {
    const rows = await this.deps.prisma.businessCalendar.findMany({
      where: options.includeArchived ? {} : { archivedAt: null },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const views = await Promise.all(rows.map((row) => this.get(row.id)));
    return views.filter((v): v is CalendarView => v !== null);
  }

  private forget(id: string) {
    for (const key of this.cache.keys()) if (key.endsWith(`:${id}`)) this.cache.delete(key);
  }

  private async changed(id: string) {
    this.forget(id);
    await this.deps.bus.publish("calendarChanged", { calendarId: id });
  }
}

/** Compiles a definition, reporting errors at `prefix` + the definition's own field path. */
function compileAt(prefix: string, definition: CalendarDefinition): BusinessCalendar {
  try {
    return compileCalendar(definition);
  } catch (error) {
    if (error instanceof ValidationError && prefix) throw new ValidationError(`${prefix}${error.field}`, `${prefix}${error.message}`);
    throw error;
  }
}

const columns = (definition: CalendarDefinition) => ({
  name: definition.name,
  timeZone: definition.timeZone,
  definition: definition as unknown as Prisma.InputJsonValue,
});

const view = (row: Row, engine: BusinessCalendar): CalendarView => ({
  id: row.id,
  definition: engine.definition,
  engine,
  archivedAt: row.archivedAt,
  stored: true,
  feedToken: row.feedToken,
});

const newFeedToken = () => randomBytes(32).toString("hex");
