-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "requestHash" TEXT;

-- AlterTable
ALTER TABLE "TicketWorkLog" ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "requestHash" TEXT;

-- CreateIndex
CREATE INDEX "Ticket_accountId_requestTypeId_status_idx" ON "Ticket"("accountId", "requestTypeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "TicketWorkLog_ticketId_idempotencyKey_key" ON "TicketWorkLog"("ticketId", "idempotencyKey");

