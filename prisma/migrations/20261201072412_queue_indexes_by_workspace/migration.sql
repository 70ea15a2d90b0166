-- DropIndex
DROP INDEX "Ticket_assigneeId_idx";

-- CreateIndex
CREATE INDEX "Ticket_workspaceId_assigneeId_idx" ON "Ticket"("workspaceId", "assigneeId");


-- Written by hand (Prisma cannot express partial or expression indexes).
-- Every queue statement names its workspace first (src/modules/queue/queue-sql.ts), so the queue
-- order indexes lead with it: one vendor's page or count seeks into its own tickets in queue order
-- instead of walking every vendor's open tickets and filtering. Otherwise as in *_queue_scale.
DROP INDEX "Ticket_queue_order_idx";
DROP INDEX "Ticket_queue_assignee_idx";
DROP INDEX "Ticket_queue_team_idx";
CREATE INDEX "Ticket_queue_order_idx" ON "Ticket" ("workspaceId", (-"priorityRank"), (COALESCE("nextDueAt", 'infinity'::timestamp(3))), "createdAt", "id")
  WHERE "status" IN ('NEW', 'AWAITING_INFORMATION', 'OPEN', 'AWAITING_CUSTOMER', 'ON_HOLD');
CREATE INDEX "Ticket_queue_assignee_idx" ON "Ticket" ("workspaceId", "assigneeId", (-"priorityRank"), (COALESCE("nextDueAt", 'infinity'::timestamp(3))), "createdAt", "id")
  WHERE "status" IN ('NEW', 'AWAITING_INFORMATION', 'OPEN', 'AWAITING_CUSTOMER', 'ON_HOLD') AND "assigneeId" IS NOT NULL;
CREATE INDEX "Ticket_queue_team_idx" ON "Ticket" ("workspaceId", "teamId", (-"priorityRank"), (COALESCE("nextDueAt", 'infinity'::timestamp(3))), "createdAt", "id")
  WHERE "status" IN ('NEW', 'AWAITING_INFORMATION', 'OPEN', 'AWAITING_CUSTOMER', 'ON_HOLD') AND "teamId" IS NOT NULL;
