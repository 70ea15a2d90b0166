import { canReadAccount } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { customerNumber as validCustomerNumber } from "../account/domain/index.ts";
import { slaBudget, type SlaTargetKind } from "./domain/index.ts";
import { streamPosition } from "../../events/cursor.ts";
import { positionSince, resumable } from "../../events/resume.ts";
import type { CalendarService } from "../calendar/index.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";

export interface SlaAlertFilter {
  customerNumber?: string | null;
  tierCodes?: string[] | null;
  kinds?: ("WARNING" | "BREACHED")[] | null;
  targets?: SlaTargetKind[] | null;
  assigneeId?: string | null;
  teamId?: string | null;
}

/** A fired alert as subscribers see it: the target, its due and the budget left at the alert instant. */
export interface SlaAlertView {
  id: string;
  sequence: number;
  kind: "WARNING" | "BREACHED";
  threshold: number;
  fireAt: Date;
  firedAt: Date | null;
  late: boolean;
  ticketId: string;
  target: SlaTargetKind;
  guaranteed: boolean;
  dueAt: Date | null;
  remainingBusinessMinutes: number | null;
  /** budget left at the alert instant in whole clock seconds, rounded down */
  remainingSeconds: number | null;
}

const include = {
  slaClock: true,
  ticket: {
    select: {
      accountId: true,
      assigneeId: true,
      teamId: true,
      tier: { select: { code: true } },
      account: { select: { partnerId: true, customerNumber: true } },
    },
  },
} as const;

export class SlaAlertService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly calendars: CalendarService,
  ) {}

  /**
   * Fired alerts matching `filter` that the viewer may see, re-read (a burst at once) and
   * re-authorised per event: those after the cursor `after`, or fired since `since`, then live.
   */
  async stream(viewer: Viewer, filter: SlaAlertFilter, resume: { after?: string | null; since?: Date | null } = {}) {
    const customerNumber = filter.customerNumber ? validCustomerNumber("filter.customerNumber", filter.customerNumber) : null;
    const position = streamPosition("slaAlerts", { filter }, viewer, resume.after);
    if (position.after === null && resume.since) position.after = await positionSince(this.deps.prisma, ["slaAlertFired"], resume.since);
    return resumable(this.deps, ["slaAlertFired"], position, async (events) => {
      const rows = await this.deps.prisma.slaAlert.findMany({ where: { id: { in: events.map((e) => e.alertId) } }, include });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return Promise.all(
        events.map(async (event) => {
          const alert = byId.get(event.alertId);
          if (!alert?.firedAt) return null;
          const { ticket, slaClock: clock } = alert;
          if (!canReadAccount(viewer, { id: ticket.accountId, partnerId: ticket.account.partnerId })) return null;
          const matches =
            (!customerNumber || ticket.account.customerNumber === customerNumber) &&
            (!filter.tierCodes?.length || (ticket.tier !== null && filter.tierCodes.includes(ticket.tier.code))) &&
            (!filter.kinds?.length || filter.kinds.includes(alert.kind)) &&
            (!filter.targets?.length || filter.targets.includes(clock.kind)) &&
            (!filter.assigneeId || ticket.assigneeId === filter.assigneeId) &&
            (!filter.teamId || ticket.teamId === filter.teamId);
          if (!matches) return null;
          return {
            id: alert.id,
            sequence: event.sequence,
            kind: alert.kind,
            threshold: alert.threshold,
            fireAt: alert.fireAt,
            firedAt: alert.firedAt,
            late: alert.late,
            ticketId: alert.ticketId,
            target: clock.kind,
            guaranteed: clock.guaranteed,
            dueAt: clock.dueAt,
            ...(await this.remainingAtAlert(alert.kind, alert.threshold, clock)),
          } satisfies SlaAlertView;
        }),
      );
    });
  }

  /** A warning at fraction f leaves (1 − f) of the budget; a breach leaves none. */
  private async remainingAtAlert(
    kind: "WARNING" | "BREACHED",
    threshold: number,
    clock: { calendarId: string; startedAt: Date | null } & Parameters<typeof slaBudget>[0],
  ) {
    if (kind === "BREACHED") return { remainingBusinessMinutes: 0, remainingSeconds: 0 };
    const calendar = await this.calendars.get(clock.calendarId);
    const budget = calendar && slaBudget(clock, calendar.engine, clock.startedAt?.getTime() ?? null);
    const ms = budget ? budget.ms * (1 - threshold) : null;
    return { remainingBusinessMinutes: ms === null ? null : Math.floor(ms / 60_000), remainingSeconds: ms === null ? null : Math.floor(ms / 1_000) };
  }
}
