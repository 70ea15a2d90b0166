-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "platformAdmin" BOOLEAN NOT NULL DEFAULT false;


-- Written by hand: a token created at a first start before this change becomes what it was meant
-- to be, the platform administrator (as ADMIN_TOKEN is).
UPDATE "ApiToken" SET "platformAdmin" = true WHERE "createdBy" = 'first start' AND "name" = 'first-start administrator';
