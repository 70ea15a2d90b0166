import { dataOf } from "./gql.ts";
import { ADMIN_TOKEN, type TestApp, tokenIssuer } from "./test-app.ts";
import { prismaIn } from "./workspace-db.ts";

const WORKSPACE_CREATE = `mutation($input: WorkspaceCreateInput!) {
  workspaceCreate(input: $input) { __typename ... on WorkspaceCreateSuccess { workspace { id slug } } ... on Error { code message } }
}`;

/**
 * A new workspace, created by the platform administrator, and a view of the app from inside it:
 * its `gql` acts with an ADMIN token of that workspace (so nothing names the workspace but the
 * token), its tokens and `prisma` belong to it. Stopping the view stops the app.
 */
export async function createWorkspace(t: TestApp, slug: string, name = `Vendor ${slug}`): Promise<TestApp> {
  const created = dataOf(await t.gql(WORKSPACE_CREATE, { input: { slug, name } }, ADMIN_TOKEN)).workspaceCreate;
  if (created.__typename !== "WorkspaceCreateSuccess") throw new Error(`workspaceCreate failed: ${JSON.stringify(created)}`);
  const workspaceId = (await t.app.services.workspaces.idOf(slug))!;
  const asPlatformAdmin: TestApp["gql"] = (query, variables, token = ADMIN_TOKEN, headers) =>
    t.gql(query, variables, token, { "x-workspace": slug, ...headers });
  const admin = await tokenIssuer(asPlatformAdmin)("ADMIN");
  const gql: TestApp["gql"] = (query, variables, token = admin, headers) => t.gql(query, variables, token, headers);
  return { ...t, workspaceId, prisma: prismaIn(t.app, workspaceId), gql, token: tokenIssuer(gql) };
}
