import { canReadTicket } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { NotFoundError } from "../../domain/errors.ts";
import type { Tx } from "../../events/outbox.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { CURRENT_CLOCKS } from "./ticket-clocks.ts";

const WITH_CLOCKS = { account: { select: { id: true, partnerId: true } }, tier: { select: { unitBased: true } }, clocks: CURRENT_CLOCKS } as const;
export type TicketWithClocks = Prisma.TicketGetPayload<{ include: typeof WITH_CLOCKS }>;

/** The ticket with its current clocks if the viewer may see it; else a NotFoundError on `field`. */
export async function visibleTicket(prisma: PrismaClient | Tx, viewer: Viewer, id: string, field = "ticketId"): Promise<TicketWithClocks> {
  const ticket = await prisma.ticket.findUnique({ where: { id }, include: WITH_CLOCKS });
  if (!ticket || !canReadTicket(viewer, ticket)) throw new NotFoundError(field, "No ticket with this id");
  return ticket;
}

/** Locks the ticket row for the rest of the transaction and reads it again: writes to one ticket take turns. */
export async function lockTicket(tx: Tx, viewer: Viewer, id: string, field = "ticketId"): Promise<TicketWithClocks> {
  await tx.$queryRaw`SELECT id FROM "Ticket" WHERE id = ${id} FOR UPDATE`;
  return visibleTicket(tx, viewer, id, field);
}

/** One line of the ticket's history. */
export function recordTicketEvent(tx: Tx, ticketId: string, kind: string, actor: string, at: Date, data: Record<string, unknown> = {}) {
  return tx.ticketEvent.create({ data: { ticketId, kind, actor, at, data: data as Prisma.InputJsonValue }, select: { id: true } });
}
