-- AlterTable
ALTER TABLE "TierTarget" ADD COLUMN     "endOfDay" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SlaClock" ADD COLUMN     "endOfDay" BOOLEAN NOT NULL DEFAULT false;

