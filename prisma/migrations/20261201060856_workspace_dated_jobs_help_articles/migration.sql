-- Dated jobs and help-centre articles belong to a workspace like every other row: existing jobs
-- take their subscription's workspace (else `default`), articles `default`; then the same
-- row-level security as the other workspace-owned tables.
ALTER TABLE "DatedJob" ADD COLUMN "workspaceId" TEXT;
ALTER TABLE "HelpArticle" ADD COLUMN "workspaceId" TEXT;

UPDATE "DatedJob" AS j SET "workspaceId" = COALESCE(
  (SELECT s."workspaceId" FROM "TierSubscription" AS s WHERE s.id = j."subjectId"),
  '00000000-0000-7000-8000-000000000001');
UPDATE "HelpArticle" SET "workspaceId" = '00000000-0000-7000-8000-000000000001';

ALTER TABLE "DatedJob" ALTER COLUMN "workspaceId" SET NOT NULL, ALTER COLUMN "workspaceId" SET DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "HelpArticle" ALTER COLUMN "workspaceId" SET NOT NULL, ALTER COLUMN "workspaceId" SET DEFAULT current_setting('app.workspace_id'::text, true);

-- AddForeignKey
ALTER TABLE "DatedJob" ADD CONSTRAINT "DatedJob_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpArticle" ADD CONSTRAINT "HelpArticle_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "DatedJob", "HelpArticle" TO supportclock_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['DatedJob', 'HelpArticle'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY workspace_isolation ON %I
      USING ("workspaceId" = current_setting('app.workspace_id', true) OR current_setting('app.bypass_rls', true) = 'on')
      WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true) OR current_setting('app.bypass_rls', true) = 'on')$p$, t);
  END LOOP;
END $$;
