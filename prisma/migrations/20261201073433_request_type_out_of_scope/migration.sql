-- CreateEnum
CREATE TYPE "OutOfScope" AS ENUM ('PAID_OFFER', 'DECLINE');

-- AlterTable
ALTER TABLE "RequestType" ADD COLUMN     "outOfScope" "OutOfScope" NOT NULL DEFAULT 'PAID_OFFER';

