import type { App } from "../../src/server/app.ts";
import { prismaIn } from "./workspace-db.ts";

/**
 * A ticket (of the account `customerNumber`, created if new) with one running first-response clock and pending alerts at the given instants, written
 * straight to the database: the monitor's contract is the SlaAlert rows, whoever writes them.
 */
export async function ticketWithPendingAlerts(
  app: App,
  customerNumber: string,
  alerts: { kind: "WARNING" | "BREACHED"; threshold: number; fireAt: Date }[],
  workspaceId?: string,
) {
  const prisma = prismaIn(app, workspaceId);
  const account =
    (await prisma.account.findFirst({ where: { customerNumber } })) ??
    (await prisma.account.create({ data: { customerNumber, name: `Alerts ${customerNumber}` } }));
  const requestType = await prisma.requestType.findFirstOrThrow({ orderBy: { code: "asc" } });
  const calendar = await prisma.businessCalendar.create({
    data: {
      name: "24/7",
      timeZone: "UTC",
      definition: {
        name: "24/7",
        timeZone: "UTC",
        weeklyHours: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"].map((day) => ({ day, start: "00:00", end: "24:00" })),
      },
    },
  });
  const ticket = await prisma.ticket.create({
    data: {
      accountId: account.id,
      priorityRank: 3,
      priorityLabel: "high",
      channel: "TICKET",
      language: "en",
      requestTypeId: requestType.id,
      subject: "Printer on fire",
      body: "It is on fire.",
      status: "NEW",
      createdBy: "test",
    },
  });
  const clock = await prisma.slaClock.create({
    data: {
      ticketId: ticket.id,
      kind: "FIRST_RESPONSE",
      amount: 4,
      unit: "HOURS",
      clock: "CALENDAR",
      calendarId: calendar.id,
      guaranteed: true,
      thresholds: [0.75, 0.9],
      startedAt: new Date(Math.min(...alerts.map((a) => a.fireAt.getTime())) - 3 * 3_600_000),
    },
  });
  await prisma.$transaction(async (tx) => {
    await tx.slaAlert.createMany({ data: alerts.map((alert) => ({ ...alert, ticketId: ticket.id, clockId: clock.id })) });
    await tx.outboxEvent.create({ data: { topic: "ticketChanged", payload: { ticketId: ticket.id, accountId: account.id, kind: "CREATED" } } });
  });
  return { ticket, account, clock };
}
