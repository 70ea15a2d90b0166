-- CreateEnum
CREATE TYPE "BookingKind" AS ENUM ('REMOTE_SESSION', 'INSTALLATION');

-- CreateEnum
CREATE TYPE "BookingState" AS ENUM ('REQUESTED', 'CONFIRMED', 'DONE', 'CANCELLED');

-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "BookingKind" NOT NULL,
    "state" "BookingState" NOT NULL DEFAULT 'REQUESTED',
    "tierId" TEXT NOT NULL,
    "proposals" JSONB NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "confirmedStart" TIMESTAMP(3),
    "confirmedEnd" TIMESTAMP(3),
    "product" TEXT,
    "note" TEXT,
    "workedMinutes" INTEGER,
    "unitEntryId" TEXT,
    "cancellationReason" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Booking_unitEntryId_key" ON "Booking"("unitEntryId");

-- CreateIndex
CREATE INDEX "Booking_accountId_state_idx" ON "Booking"("accountId", "state");

-- CreateIndex
CREATE INDEX "Booking_state_idx" ON "Booking"("state");

-- CreateIndex
CREATE INDEX "Booking_tierId_idx" ON "Booking"("tierId");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_accountId_idempotencyKey_key" ON "Booking"("accountId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_unitEntryId_fkey" FOREIGN KEY ("unitEntryId") REFERENCES "UnitLedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A booking covers one installation: at most one open INSTALLATION booking per account and
-- product (compared case-insensitively; no product counts as one product of its own).
CREATE UNIQUE INDEX "Booking_one_open_installation" ON "Booking"("accountId", lower(COALESCE("product", '')))
    WHERE "kind" = 'INSTALLATION' AND "state" IN ('REQUESTED', 'CONFIRMED');
