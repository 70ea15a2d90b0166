-- DropIndex
DROP INDEX "Ticket_status_priorityRank_nextDueAt_createdAt_idx";

-- DropIndex
DROP INDEX "SlaAlert_firedAt_fireAt_idx";

-- CreateIndex
CREATE INDEX "SlaAlert_ticketId_idx" ON "SlaAlert"("ticketId");


-- Written by hand (Prisma cannot express partial or expression indexes).
-- The queue order of open tickets: priority rank descending, then the due instant (none last),
-- then arrival, then id. Every key ascends (rank negated, a missing due read as infinity), so a
-- cursor's sort key is one row comparison the index seeks to. Partial on the open statuses,
-- written as literals: queries name them as literals too, so the planner proves the predicate.
-- (A workspace column will lead this index once tickets carry one.)
CREATE INDEX "Ticket_queue_order_idx" ON "Ticket" ((-"priorityRank"), (COALESCE("nextDueAt", 'infinity'::timestamp(3))), "createdAt", "id")
  WHERE "status" IN ('NEW', 'AWAITING_INFORMATION', 'OPEN', 'AWAITING_CUSTOMER', 'ON_HOLD');

-- The same order within one assignee and within one team ("my tickets", "my team"), so those
-- filters seek instead of walking the whole queue for the few tickets that match.
CREATE INDEX "Ticket_queue_assignee_idx" ON "Ticket" ("assigneeId", (-"priorityRank"), (COALESCE("nextDueAt", 'infinity'::timestamp(3))), "createdAt", "id")
  WHERE "status" IN ('NEW', 'AWAITING_INFORMATION', 'OPEN', 'AWAITING_CUSTOMER', 'ON_HOLD') AND "assigneeId" IS NOT NULL;
CREATE INDEX "Ticket_queue_team_idx" ON "Ticket" ("teamId", (-"priorityRank"), (COALESCE("nextDueAt", 'infinity'::timestamp(3))), "createdAt", "id")
  WHERE "status" IN ('NEW', 'AWAITING_INFORMATION', 'OPEN', 'AWAITING_CUSTOMER', 'ON_HOLD') AND "teamId" IS NOT NULL;

-- Pending alerts by instant: the SLA monitor's next alert and due batch are range scans here.
CREATE INDEX "SlaAlert_pending_idx" ON "SlaAlert"("fireAt") WHERE "firedAt" IS NULL;
