import { type App, buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { AdapterWrapper } from "../../src/db/client.ts";
import { freshDatabaseUrl } from "./database.ts";
import { dataOf, postGql } from "./gql.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789";

export interface TestApp {
  app: App;
  url: string;
  /** The PostgreSQL database of this app (undefined on PGlite), for a second instance to share. */
  databaseUrl: string | undefined;
  /** GraphQL as the bootstrap administrator (or as `token`). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): ReturnType<typeof postGql<T>>;
  /** Issues a token of `role` through the API and returns its secret. */
  token(role: "ADMIN" | "AGENT" | "PARTNER" | "CUSTOMER", bind?: { partnerCode?: string; customerNumber?: string }): Promise<string>;
  stop(): Promise<void>;
}

/** The real app on port 0 with a fresh database (in-memory PGlite, or a new PostgreSQL database). */
export async function startTestApp(options: { now?: () => Date; env?: Record<string, string>; databaseUrl?: string; wrapAdapter?: AdapterWrapper } = {}): Promise<TestApp> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : await freshDatabaseUrl();
  const config = loadConfig({ ADMIN_TOKEN, DATA_DIR: "memory", PORT: "0", RESPONSE_CACHE_MS: "0", QUEUE_COUNTS_MS: "0", ...(database.url ? { DATABASE_URL: database.url } : {}), ...options.env });
  const app = await buildApp({ config, ...(options.now ? { now: options.now } : {}), ...(options.wrapAdapter ? { wrapAdapter: options.wrapAdapter } : {}) });
  const url = await app.start(0);
  const gql: TestApp["gql"] = (query, variables, token = ADMIN_TOKEN) => postGql(url, query, variables, token ?? undefined);
  return {
    app,
    url,
    databaseUrl: database.url,
    gql,
    async token(role, bind = {}) {
      const result = dataOf(
        await gql(
          `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { __typename ... on ApiTokenIssued { secret } ... on Error { message } } }`,
          { input: { name: `${role} test token`, role, ...bind } },
        ),
      );
      if (!result.apiTokenCreate.secret) throw new Error(`token not issued: ${JSON.stringify(result)}`);
      return result.apiTokenCreate.secret;
    },
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}
