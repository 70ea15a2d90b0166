-- CreateEnum
CREATE TYPE "SupportChannel" AS ENUM ('TICKET', 'EMAIL', 'PORTAL', 'CONTACT_FORM', 'SOCIAL', 'CHAT', 'PHONE', 'PHONE_CALLBACK', 'REMOTE_SESSION');

-- CreateEnum
CREATE TYPE "ResponseTargetKind" AS ENUM ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION');

-- CreateEnum
CREATE TYPE "ClockMode" AS ENUM ('BUSINESS_HOURS', 'WORKING_DAYS', 'CALENDAR');

-- CreateEnum
CREATE TYPE "DurationUnit" AS ENUM ('MINUTES', 'HOURS', 'DAYS');

-- CreateEnum
CREATE TYPE "TierEntitlement" AS ENUM ('HOW_TO', 'REMOTE_SESSION', 'INSTALLATION', 'DEVELOPMENT');

-- CreateEnum
CREATE TYPE "TierSubscriptionStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "TierSubscriptionEventKind" AS ENUM ('SUBSCRIBED', 'CHANGED', 'CANCELLED', 'REBOOKED', 'RENEWED', 'ENDED');

-- CreateEnum
CREATE TYPE "SupportPinOutcome" AS ENUM ('VERIFIED', 'WRONG_PIN', 'LOCKED', 'NO_PIN');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "pinFailedAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pinLockedUntil" TIMESTAMP(3),
ADD COLUMN     "supportPinHash" TEXT;

-- CreateTable
CREATE TABLE "Tier" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "includedByDefault" BOOLEAN NOT NULL DEFAULT false,
    "priorityRank" INTEGER NOT NULL,
    "priorityLabel" TEXT NOT NULL,
    "warningThresholds" DOUBLE PRECISION[],
    "entitlements" "TierEntitlement"[],
    "unitBased" BOOLEAN NOT NULL DEFAULT false,
    "partnerSaleCutoff" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TierTarget" (
    "id" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "kind" "ResponseTargetKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "unit" "DurationUnit" NOT NULL,
    "clock" "ClockMode" NOT NULL,
    "calendarId" TEXT NOT NULL,
    "guaranteed" BOOLEAN NOT NULL,

    CONSTRAINT "TierTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TierChannel" (
    "id" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "channel" "SupportChannel" NOT NULL,
    "calendarId" TEXT NOT NULL,
    "languages" TEXT[],
    "pinRequired" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TierChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestType" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "inScope" BOOLEAN NOT NULL DEFAULT true,
    "writtenOnly" BOOLEAN NOT NULL DEFAULT false,
    "premiumOnly" BOOLEAN NOT NULL DEFAULT false,
    "requiresEntitlement" "TierEntitlement",
    "requiredInformation" JSONB NOT NULL DEFAULT '[]',
    "alternative" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TierSubscription" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "status" "TierSubscriptionStatus" NOT NULL DEFAULT 'ACTIVE',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "currentPeriodStart" TIMESTAMP(3) NOT NULL,
    "currentPeriodEnd" TIMESTAMP(3) NOT NULL,
    "autoRenew" BOOLEAN NOT NULL DEFAULT true,
    "firstPeriodAmountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "cancellationReason" TEXT,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TierSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TierSubscriptionEvent" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "kind" "TierSubscriptionEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "fromTierId" TEXT,
    "toTierId" TEXT,
    "periodStart" TIMESTAMP(3),
    "periodEnd" TIMESTAMP(3),
    "amountMinor" INTEGER,
    "currency" TEXT,
    "reason" TEXT,

    CONSTRAINT "TierSubscriptionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportPinAttempt" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "outcome" "SupportPinOutcome" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportPinAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tier_code_key" ON "Tier"("code");

-- CreateIndex
CREATE INDEX "TierTarget_calendarId_idx" ON "TierTarget"("calendarId");

-- CreateIndex
CREATE UNIQUE INDEX "TierTarget_tierId_kind_key" ON "TierTarget"("tierId", "kind");

-- CreateIndex
CREATE INDEX "TierChannel_calendarId_idx" ON "TierChannel"("calendarId");

-- CreateIndex
CREATE UNIQUE INDEX "TierChannel_tierId_channel_key" ON "TierChannel"("tierId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "RequestType_code_key" ON "RequestType"("code");

-- CreateIndex
CREATE INDEX "TierSubscription_accountId_idx" ON "TierSubscription"("accountId");

-- CreateIndex
CREATE INDEX "TierSubscription_status_currentPeriodEnd_idx" ON "TierSubscription"("status", "currentPeriodEnd");

-- CreateIndex
CREATE INDEX "TierSubscriptionEvent_subscriptionId_at_idx" ON "TierSubscriptionEvent"("subscriptionId", "at");

-- CreateIndex
CREATE INDEX "SupportPinAttempt_accountId_at_idx" ON "SupportPinAttempt"("accountId", "at");

-- AddForeignKey
ALTER TABLE "TierTarget" ADD CONSTRAINT "TierTarget_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TierTarget" ADD CONSTRAINT "TierTarget_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "BusinessCalendar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TierChannel" ADD CONSTRAINT "TierChannel_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TierChannel" ADD CONSTRAINT "TierChannel_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "BusinessCalendar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TierSubscription" ADD CONSTRAINT "TierSubscription_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TierSubscription" ADD CONSTRAINT "TierSubscription_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TierSubscriptionEvent" ADD CONSTRAINT "TierSubscriptionEvent_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "TierSubscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TierSubscriptionEvent" ADD CONSTRAINT "TierSubscriptionEvent_fromTierId_fkey" FOREIGN KEY ("fromTierId") REFERENCES "Tier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TierSubscriptionEvent" ADD CONSTRAINT "TierSubscriptionEvent_toTierId_fkey" FOREIGN KEY ("toTierId") REFERENCES "Tier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportPinAttempt" ADD CONSTRAINT "SupportPinAttempt_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (Prisma cannot express partial indexes): at most one live tier is included by
-- default, and an account holds at most one active paid level at a time. The services check
-- both under a lock first; these indexes are the last line when two writers race.
CREATE UNIQUE INDEX "Tier_one_included_by_default" ON "Tier" ((true)) WHERE "includedByDefault" AND "archivedAt" IS NULL;

CREATE UNIQUE INDEX "TierSubscription_one_active_per_account" ON "TierSubscription"("accountId") WHERE "status" = 'ACTIVE';
