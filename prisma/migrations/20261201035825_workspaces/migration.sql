-- Workspaces: one vendor's support organisation each, the unit of isolation. Existing rows move
-- into the workspace `default`; every workspace-owned table gets "workspaceId", filled by default
-- from the transaction's app.workspace_id setting, and row-level security keyed by that setting.

CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");

INSERT INTO "Workspace" ("id", "slug", "name") VALUES ('00000000-0000-7000-8000-000000000001', 'default', 'Default workspace');

-- The new column's default is evaluated once for the rows already there: they join `default`.
SELECT set_config('app.workspace_id', '00000000-0000-7000-8000-000000000001', true);

ALTER TABLE "Partner" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "Account" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "ApiToken" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "BusinessCalendar" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "Tier" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "TierTarget" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "TierChannel" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "RequestType" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "TierSubscription" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "TierSubscriptionEvent" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "SupportPinAttempt" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "OutboxEvent" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "UnitPackage" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "UnitLedgerEntry" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "LowBalanceAlert" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "Ticket" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "TicketAttachment" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "TicketMessage" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "SlaClock" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "SlaAlert" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "TicketWorkLog" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "TicketEvent" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "Queue" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "Booking" ADD COLUMN     "workspaceId" TEXT NOT NULL DEFAULT current_setting('app.workspace_id'::text, true);

-- Codes and customer numbers are unique within a workspace.
DROP INDEX "Partner_code_key";
DROP INDEX "Account_customerNumber_key";
DROP INDEX "Tier_code_key";
DROP INDEX "RequestType_code_key";
DROP INDEX "UnitPackage_code_key";
CREATE UNIQUE INDEX "Partner_workspaceId_code_key" ON "Partner"("workspaceId", "code");
CREATE UNIQUE INDEX "Account_workspaceId_customerNumber_key" ON "Account"("workspaceId", "customerNumber");
CREATE UNIQUE INDEX "Tier_workspaceId_code_key" ON "Tier"("workspaceId", "code");
CREATE UNIQUE INDEX "RequestType_workspaceId_code_key" ON "RequestType"("workspaceId", "code");
CREATE UNIQUE INDEX "UnitPackage_workspaceId_code_key" ON "UnitPackage"("workspaceId", "code");
DROP INDEX "Tier_one_included_by_default";
CREATE UNIQUE INDEX "Tier_one_included_by_default" ON "Tier"("workspaceId") WHERE "includedByDefault" AND "archivedAt" IS NULL;

ALTER TABLE "Partner" ADD CONSTRAINT "Partner_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Account" ADD CONSTRAINT "Account_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BusinessCalendar" ADD CONSTRAINT "BusinessCalendar_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Tier" ADD CONSTRAINT "Tier_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TierTarget" ADD CONSTRAINT "TierTarget_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TierChannel" ADD CONSTRAINT "TierChannel_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RequestType" ADD CONSTRAINT "RequestType_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TierSubscription" ADD CONSTRAINT "TierSubscription_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TierSubscriptionEvent" ADD CONSTRAINT "TierSubscriptionEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SupportPinAttempt" ADD CONSTRAINT "SupportPinAttempt_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OutboxEvent" ADD CONSTRAINT "OutboxEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UnitPackage" ADD CONSTRAINT "UnitPackage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UnitLedgerEntry" ADD CONSTRAINT "UnitLedgerEntry_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LowBalanceAlert" ADD CONSTRAINT "LowBalanceAlert_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TicketAttachment" ADD CONSTRAINT "TicketAttachment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TicketMessage" ADD CONSTRAINT "TicketMessage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SlaClock" ADD CONSTRAINT "SlaClock_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SlaAlert" ADD CONSTRAINT "SlaAlert_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TicketWorkLog" ADD CONSTRAINT "TicketWorkLog_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TicketEvent" ADD CONSTRAINT "TicketEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Queue" ADD CONSTRAINT "Queue_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Row-level security. The application connects as (or switches to) supportclock_app, which is no
-- superuser and owns nothing, so every policy applies to it; FORCE makes them apply to the tables'
-- owner too. A row is visible and writable when it belongs to the workspace the transaction
-- names; background work across workspaces (outbox relay, SLA monitor, renewals) says so with
-- app.bypass_rls = 'on'. Without either setting nothing is visible.
DO $$
BEGIN
  CREATE ROLE supportclock_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
-- A superuser may switch to any role; an owner that is not one needs the membership (granted once:
-- the role and its memberships are shared by every database of the server).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'supportclock_app', 'MEMBER') THEN
    EXECUTE format('GRANT supportclock_app TO %I', current_user);
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO supportclock_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO supportclock_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO supportclock_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO supportclock_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO supportclock_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Partner', 'Account', 'ApiToken', 'BusinessCalendar', 'Tier', 'TierTarget', 'TierChannel', 'RequestType', 'TierSubscription', 'TierSubscriptionEvent', 'SupportPinAttempt', 'OutboxEvent', 'UnitPackage', 'UnitLedgerEntry', 'LowBalanceAlert', 'Ticket', 'TicketAttachment', 'TicketMessage', 'SlaClock', 'SlaAlert', 'TicketWorkLog', 'TicketEvent', 'Queue', 'Booking'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY workspace_isolation ON %I
      USING ("workspaceId" = current_setting('app.workspace_id', true) OR current_setting('app.bypass_rls', true) = 'on')
      WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true) OR current_setting('app.bypass_rls', true) = 'on')$p$, t);
  END LOOP;
END $$;
