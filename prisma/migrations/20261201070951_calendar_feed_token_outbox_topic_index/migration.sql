-- AlterTable
ALTER TABLE "BusinessCalendar" ADD COLUMN     "feedToken" TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

-- CreateIndex
CREATE UNIQUE INDEX "BusinessCalendar_feedToken_key" ON "BusinessCalendar"("feedToken");

-- CreateIndex
CREATE INDEX "OutboxEvent_workspaceId_topic_sequence_idx" ON "OutboxEvent"("workspaceId", "topic", "sequence");

