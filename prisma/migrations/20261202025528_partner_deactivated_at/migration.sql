-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);

