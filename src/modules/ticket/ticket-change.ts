import { canWorkTicket } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { ForbiddenError } from "../../domain/errors.ts";
import type { TicketEvent, TicketSettings, TicketStatus } from "./domain/index.ts";
import { applyEffects, type ClockState, clockSummary, type Engines, ticketClockPhases, ticketClocksOf, ticketTransition } from "./domain/index.ts";
import { enqueue } from "../../events/outbox.ts";
import type { Prisma, TicketMessageKind } from "../../generated/prisma/client.ts";
import { actorOf } from "../account/index.ts";
import type { CalendarService } from "../calendar/index.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { selection } from "../../db/prisma-helpers.ts";
import { lockTicket, recordTicketEvent, type TicketWithClocks, visibleTicket } from "./ticket-access.ts";
import { enginesFor, newClockId, saveClocks, stateOf } from "./ticket-clocks.ts";

export type TicketQuery = { select?: Prisma.TicketSelect; include?: Prisma.TicketInclude };

/** What one write does to a ticket, decided on the row as read under its lock. */
export interface TicketPlan {
  states: ClockState[];
  replaced: string[];
  status: TicketStatus;
  solvedAt: number | null;
  /** further columns to write */
  data?: Prisma.TicketUncheckedUpdateInput;
  /** the history line; none for a plain internal note */
  history?: { kind: string; data?: Record<string, unknown> };
  message?: { kind: TicketMessageKind; body: string };
}

export interface PlanContext {
  ticket: TicketWithClocks;
  states: ClockState[];
  at: number;
  engines: Engines;
}

export interface ChangeOptions {
  /** only agents may make this change */
  staffOnly: boolean;
  /** calendars the plan counts in beyond the ticket's current clocks (a new tier's) */
  calendarIds?: readonly string[];
}

/**
 * The one way tickets change after intake: read (not found unless visible), lock, plan, then in
 * the same transaction write the clocks and their pending alerts, the message, the history line
 * and the ticket row (status, nextDueAt, atRiskAt), and enqueue ticketChanged.
 */
export class TicketChanges {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly calendars: CalendarService,
    readonly settings: TicketSettings,
  ) {}

  async apply(viewer: Viewer, ticketId: string, plan: (context: PlanContext) => TicketPlan, options: ChangeOptions, query: TicketQuery = {}) {
    const before = await visibleTicket(this.deps.prisma, viewer, ticketId);
    if (options.staffOnly && !canWorkTicket(viewer)) throw new ForbiddenError("Only agents may do this");
    // compiled before the transaction: a calendar read inside it would wait on PGlite's one connection
    const engines = await enginesFor(this.calendars, [...before.clocks.map((clock) => clock.calendarId), ...(options.calendarIds ?? [])]);
    const now = this.deps.now();
    return this.deps.transaction(async (tx) => {
      const ticket = await lockTicket(tx, viewer, ticketId);
      const next = plan({ ticket, states: ticket.clocks.map(stateOf), at: now.getTime(), engines });
      if (next.replaced.length || next.states.some((state) => state.changed))
        await saveClocks(tx, ticket.id, next.states, next.replaced, engines, now.getTime());
      const actor = actorOf(viewer);
      if (next.message)
        await tx.ticketMessage.create({
          data: { ticketId: ticket.id, kind: next.message.kind, authorId: actor, body: next.message.body, createdAt: now },
          select: { id: true },
        });
      if (next.history) await recordTicketEvent(tx, ticket.id, next.history.kind, actor, now, { from: ticket.status, to: next.status, ...next.history.data });
      await enqueue(tx, "ticketChanged", { ticketId: ticket.id, accountId: ticket.accountId, partnerId: ticket.account.partnerId, kind: "UPDATED" });
      return tx.ticket.update({
        ...selection(query),
        where: { id: ticket.id },
        data: {
          ...next.data,
          status: next.status,
          solvedAt: next.solvedAt === null ? null : new Date(next.solvedAt),
          ...(next.status === "CLOSED" && ticket.status !== "CLOSED" ? { closedAt: now } : {}),
          ...clockSummary(next.states, engines, now.getTime()),
        },
      });
    });
  }

  /** A plan that applies one lifecycle event through ticketTransition. */
  transition(event: TicketEvent, extra: Partial<Pick<TicketPlan, "message" | "data">> = {}) {
    return ({ ticket, states, at }: PlanContext): TicketPlan => {
      const kinds = states.map((state) => state.target.kind);
      const lifecycle = { status: ticket.status, solvedAt: ticket.solvedAt?.getTime() ?? null, clocks: ticketClockPhases(kinds, ticketClocksOf(states)) };
      const next = ticketTransition(lifecycle, event, at, this.settings);
      return { ...applyEffects(states, next.effects, at, newClockId), status: next.status, solvedAt: next.solvedAt, history: { kind: event }, ...extra };
    };
  }
}

/** A plan that changes no clock and no status. */
export function unchanged({ ticket, states }: PlanContext): TicketPlan {
  return { states, replaced: [], status: ticket.status, solvedAt: ticket.solvedAt?.getTime() ?? null };
}
