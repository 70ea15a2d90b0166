-- Help-centre articles belong to a workspace like every other row: existing ones move to `default`;
-- then the same row-level security as the other workspace-owned tables.
ALTER TABLE "HelpArticle" ADD COLUMN "workspaceId" TEXT;
UPDATE "HelpArticle" SET "workspaceId" = '00000000-0000-7000-8000-000000000001';
ALTER TABLE "HelpArticle" ALTER COLUMN "workspaceId" SET NOT NULL, ALTER COLUMN "workspaceId" SET DEFAULT current_setting('app.workspace_id'::text, true);
ALTER TABLE "HelpArticle" ADD CONSTRAINT "HelpArticle_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
GRANT SELECT, INSERT, UPDATE, DELETE ON "HelpArticle" TO supportclock_app;
ALTER TABLE "HelpArticle" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "HelpArticle" FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "HelpArticle"
  USING ("workspaceId" = current_setting('app.workspace_id', true) OR current_setting('app.bypass_rls', true) = 'on')
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true) OR current_setting('app.bypass_rls', true) = 'on');
