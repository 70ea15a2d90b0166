-- CreateEnum
CREATE TYPE "UnitEntryKind" AS ENUM ('PURCHASE', 'WORK_DEBIT', 'ADJUSTMENT', 'REFUND', 'REVERSAL');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "lowBalanceArmed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "lowBalanceThreshold" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "overdraftLimit" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unitBalance" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "UnitPackage" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitPackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitLedgerEntry" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "UnitEntryKind" NOT NULL,
    "units" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "reason" TEXT,
    "actor" TEXT NOT NULL,
    "packageId" TEXT,
    "quantity" INTEGER,
    "amountMinor" INTEGER,
    "currency" TEXT,
    "ticketId" TEXT,
    "workLogId" TEXT,
    "reversesEntryId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitLedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LowBalanceAlert" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "balance" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LowBalanceAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitPackage_code_key" ON "UnitPackage"("code");

-- CreateIndex
CREATE UNIQUE INDEX "UnitLedgerEntry_workLogId_key" ON "UnitLedgerEntry"("workLogId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitLedgerEntry_reversesEntryId_key" ON "UnitLedgerEntry"("reversesEntryId");

-- CreateIndex
CREATE INDEX "UnitLedgerEntry_ticketId_idx" ON "UnitLedgerEntry"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitLedgerEntry_accountId_seq_key" ON "UnitLedgerEntry"("accountId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "UnitLedgerEntry_accountId_idempotencyKey_key" ON "UnitLedgerEntry"("accountId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "LowBalanceAlert_entryId_key" ON "LowBalanceAlert"("entryId");

-- CreateIndex
CREATE INDEX "LowBalanceAlert_accountId_createdAt_idx" ON "LowBalanceAlert"("accountId", "createdAt");

-- AddForeignKey
ALTER TABLE "UnitLedgerEntry" ADD CONSTRAINT "UnitLedgerEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitLedgerEntry" ADD CONSTRAINT "UnitLedgerEntry_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "UnitPackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitLedgerEntry" ADD CONSTRAINT "UnitLedgerEntry_reversesEntryId_fkey" FOREIGN KEY ("reversesEntryId") REFERENCES "UnitLedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LowBalanceAlert" ADD CONSTRAINT "LowBalanceAlert_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LowBalanceAlert" ADD CONSTRAINT "LowBalanceAlert_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "UnitLedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written guards Prisma's schema cannot express: the ledger is a bank-style record.
ALTER TABLE "UnitLedgerEntry" ADD CONSTRAINT "UnitLedgerEntry_units_nonzero" CHECK ("units" <> 0);
ALTER TABLE "UnitLedgerEntry" ADD CONSTRAINT "UnitLedgerEntry_seq_positive" CHECK ("seq" >= 1);
ALTER TABLE "UnitPackage" ADD CONSTRAINT "UnitPackage_units_positive" CHECK ("units" > 0);
ALTER TABLE "UnitPackage" ADD CONSTRAINT "UnitPackage_price_nonnegative" CHECK ("priceMinor" >= 0);
ALTER TABLE "Account" ADD CONSTRAINT "Account_unit_settings_nonnegative" CHECK ("lowBalanceThreshold" >= 0 AND "overdraftLimit" >= 0);

CREATE FUNCTION "unit_ledger_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'UnitLedgerEntry is append-only: correct a mistake with a REVERSAL entry';
END;
$$;

CREATE TRIGGER "UnitLedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "UnitLedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "unit_ledger_entry_append_only"();
