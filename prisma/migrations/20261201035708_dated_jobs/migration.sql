-- CreateEnum
CREATE TYPE "DatedJobKind" AS ENUM ('TIER_PERIOD_END');

-- CreateTable
CREATE TABLE "DatedJob" (
    "id" BIGSERIAL NOT NULL,
    "kind" "DatedJobKind" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatedJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DatedJob_doneAt_dueAt_idx" ON "DatedJob"("doneAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "DatedJob_kind_subjectId_dueAt_key" ON "DatedJob"("kind", "subjectId", "dueAt");


-- Subscriptions booked before dated jobs existed: their current period ends are due too.
INSERT INTO "DatedJob" ("kind", "subjectId", "dueAt")
SELECT 'TIER_PERIOD_END', "id", "currentPeriodEnd" FROM "TierSubscription" WHERE "status" = 'ACTIVE';
