-- Dated jobs belong to a workspace like every other row: existing jobs take their subscription's
-- workspace (else `default`); then the same row-level security as the other workspace-owned tables.
ALTER TABLE "DatedJob" ADD COLUMN "workspaceId" TEXT;
UPDATE "DatedJob" AS j SET "workspaceId" = COALESCE(
  (SELECT s."workspaceId" FROM "TierSubscription" AS s WHERE s.id = j."subjectId"),
  '00000000-0000-7000-8000-000000000001');
ALTER TABLE "DatedJob" ALTER COLUMN "workspaceId" SET NOT NULL, ALTER COLUMN "workspaceId" SET DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "DatedJob" ADD CONSTRAINT "DatedJob_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
GRANT SELECT, INSERT, UPDATE, DELETE ON "DatedJob" TO supportclock_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO supportclock_app;
ALTER TABLE "DatedJob" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DatedJob" FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "DatedJob"
  USING ("workspaceId" = current_setting('app.workspace_id', true) OR current_setting('app.bypass_rls', true) = 'on')
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true) OR current_setting('app.bypass_rls', true) = 'on');
