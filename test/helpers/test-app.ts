import { type App, buildApp } from "../../src/server/app.ts";
import type { AdapterWrapper } from "../../src/db/client.ts";
import type { Logger } from "../../src/logger.ts";
import { migratedDatabase, migratedPgliteImage } from "./migrated.ts";
import { ADMIN_TOKEN, testConfig } from "./test-config.ts";
import { dataOf, postGql } from "./gql.ts";
import { prismaIn } from "./workspace-db.ts";
import { DEFAULT_WORKSPACE_ID } from "../../src/modules/workspace/index.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";

export { ADMIN_TOKEN };

export interface TestApp {
  app: App;
  url: string;
  /** The PostgreSQL database of this app (undefined on PGlite), for a second instance to share. */
  databaseUrl: string | undefined;
  /** The workspace `gql` acts in: `default` (where the administrator acts unless it names another), or the one of a workspace view (test/helpers/workspaces.ts). */
  workspaceId: string;
  /** The database as seen from that workspace. */
  prisma: PrismaClient;
  /** GraphQL as the bootstrap administrator (or as `token`). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null, headers?: Record<string, string>): ReturnType<typeof postGql<T>>;
  /** Issues a token of `role` through the API and returns its secret. */
  /**
   * Resolves once `n` subscriptions of the root field `field`, opened from this call on, are live
   * on this app's server (listening for events). Call it before awaiting anything after subscribing.
   */
  subscribed(field: string, n?: number): Promise<void>;
  token(role: "ADMIN" | "AGENT" | "PARTNER" | "CUSTOMER", bind?: { partnerCode?: string; customerNumber?: string }): Promise<string>;
  stop(): Promise<void>;
}

/** Issues tokens through `gql` (so in the workspace it acts in) and returns their secrets. */
export function tokenIssuer(gql: TestApp["gql"]): TestApp["token"] {
  return async (role, bind = {}) => {
    const result = dataOf(
      await gql(
        `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { __typename ... on ApiTokenIssued { secret } ... on Error { message } } }`,
        { input: { name: `${role} test token`, role, ...bind } },
      ),
    );
    if (!result.apiTokenCreate.secret) throw new Error(`token not issued: ${JSON.stringify(result)}`);
    return result.apiTokenCreate.secret;
  };
}

/** The real app on port 0 with a fresh, migrated database (in-memory PGlite, or a new PostgreSQL database). */
export async function startTestApp(
  options: { now?: () => Date; env?: Record<string, string>; databaseUrl?: string; wrapAdapter?: AdapterWrapper; log?: Logger; replayPage?: number } = {},
): Promise<TestApp> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : await migratedDatabase();
  const config = testConfig({ ...(database.url ? { DATABASE_URL: database.url } : {}), ...options.env });
  const app = await buildApp({
    config,
    ...(database.url ? {} : { databaseImage: migratedPgliteImage() }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.wrapAdapter ? { wrapAdapter: options.wrapAdapter } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.replayPage ? { replayPage: options.replayPage } : {}),
  });
  const url = await app.start(0);
  const gql: TestApp["gql"] = (query, variables, token = ADMIN_TOKEN, headers) => postGql(url, query, variables, token ?? undefined, headers);
  return {
    app,
    url,
    databaseUrl: database.url,
    workspaceId: DEFAULT_WORKSPACE_ID,
    prisma: prismaIn(app),
    gql,
    token: tokenIssuer(gql),
    subscribed: (field, n = 1) => app.liveSubscriptions.startedReach(field, app.liveSubscriptions.started(field) + n),
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}
