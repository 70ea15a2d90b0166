import type { Viewer } from "../../auth/viewer.ts";
import type { SlaClockStatus } from "../sla/domain/index.ts";
import type { SlaClock as ClockRow } from "../../generated/prisma/client.ts";
import type { CalendarService } from "../calendar/index.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { selection } from "../../db/prisma-helpers.ts";
import { scopeWhere } from "../../db/scope-where.ts";
import { type InBurst, readInBurst, withId } from "../../events/burst.ts";
import type { TicketQuery } from "./ticket-change.ts";
import { enginesFor, stateOf } from "./ticket-clocks.ts";
import { clockStatuses } from "./domain/index.ts";

export type ClockView = SlaClockStatus & { calendarId: string };

/** One ticket, and its clocks evaluated at an instant. */
export class TicketReadService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly calendars: CalendarService,
  ) {}

  /** The ticket if the viewer may see it, else null. */
  ticket(viewer: Viewer, id: string, query: TicketQuery = {}) {
    return this.deps.prisma.ticket.findFirst({ ...selection(query), where: { AND: [{ id }, scopeWhere(viewer, "account")] } });
  }

  /** The ticket a delivered event names, if the viewer may see it; read with those of the event's whole burst. */
  delivered(viewer: Viewer, delivery: InBurst<{ ticketId: string | null }>, query: TicketQuery = {}) {
    return readInBurst(delivery, "ticketId", query, (ids) =>
      this.deps.prisma.ticket.findMany({ ...withId(selection(query)), where: { AND: [{ id: { in: ids } }, scopeWhere(viewer, "account")] } }),
    );
  }

  /** The tickets among `ids` the viewer may see, in the order of `ids`. */
  async inOrder(viewer: Viewer, ids: readonly string[], query: TicketQuery = {}) {
    if (ids.length === 0) return [];
    const rows = await this.deps.prisma.ticket.findMany({ ...selection(query), where: { AND: [{ id: { in: [...ids] } }, scopeWhere(viewer, "account")] } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The current clocks' status at `at` (default: now); calendars come from the cache, so a page of tickets costs no query here. */
  async slaClocks(rows: readonly ClockRow[], at?: Date | null): Promise<ClockView[]> {
    const engines = await enginesFor(
      this.calendars,
      rows.map((row) => row.calendarId),
    );
    return clockStatuses(rows.map(stateOf), engines, (at ?? this.deps.now()).getTime());
  }
}
