import { canManageQueues } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { ForbiddenError, ValidationError } from "../../domain/errors.ts";
import { slaClockStatus, slaReport, slaReportOutcome, type SlaReport, type SlaReportRow } from "../sla/domain/index.ts";
import type { CalendarService } from "../calendar/index.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { enginesFor, stateOf } from "./ticket-clocks.ts";
import { slaClockOf } from "./domain/index.ts";

export const SLA_REPORT_GROUPS = ["TIER", "CHANNEL", "TEAM"] as const;
export type SlaReportGroup = (typeof SLA_REPORT_GROUPS)[number];
const MAX_SPAN_MS = 366 * 86_400_000;
const NONE = "(none)";

/** First-response compliance over the tickets opened in [from, to), as it stands at the service clock. */
export class TicketReportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly calendars: CalendarService,
  ) {}

  /**
   * Counts the decided first responses only (slaReportOutcome): met at or before the due instant
   * (MET), met late or not met by it (BREACHED); clocks still running in time, paused or not
   * started are left out.
   * Minutes are the target's clock time (business minutes for a BUSINESS_HOURS target) from the
   * start to the first public reply.
   */
  async report(viewer: Viewer, input: { from: Date; to: Date; groupBy: SlaReportGroup }): Promise<SlaReport> {
    if (!canManageQueues(viewer)) throw new ForbiddenError("Only agents read SLA reports");
    const span = input.to.getTime() - input.from.getTime();
    if (!(span > 0)) throw new ValidationError("to", "to must be after from");
    if (span > MAX_SPAN_MS) throw new ValidationError("to", "A report covers at most 366 days");
    if (!SLA_REPORT_GROUPS.includes(input.groupBy)) throw new ValidationError("groupBy", `groupBy must be one of ${SLA_REPORT_GROUPS.join(", ")}`);
    const rows = await this.deps.prisma.slaClock.findMany({
      where: { kind: "FIRST_RESPONSE", replacedAt: null, ticket: { kind: "STANDARD", createdAt: { gte: input.from, lt: input.to } } },
      include: { ticket: { select: { channel: true, teamId: true, tier: { select: { code: true } } } } },
    });
    const engines = await enginesFor(
      this.calendars,
      rows.map((row) => row.calendarId),
    );
    const now = this.deps.now().getTime();
    const decided = rows.flatMap((row): SlaReportRow[] => {
      const status = slaClockStatus(slaClockOf(stateOf(row), engines), now);
      const outcome = slaReportOutcome(status);
      if (outcome === null) return [];
      const group = input.groupBy === "TIER" ? (row.ticket.tier?.code ?? NONE) : input.groupBy === "CHANNEL" ? row.ticket.channel : (row.ticket.teamId ?? NONE);
      const firstResponseMinutes = status.metAt === null ? null : status.elapsedMs / 60_000;
      return [{ group, firstResponseMinutes, outcome }];
    });
    return slaReport(decided);
  }
}
