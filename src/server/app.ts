import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { WebSocketServer } from "ws";
import { type Config, describeDatabase } from "../config.ts";
import { createLogger, inRequest, type Logger, newRequestId } from "../logger.ts";
import { type AdapterWrapper, openDatabase, type Database } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { seedDemo } from "../seed/seed-demo.ts";
import { createEventBus, type EventBus, workspaceFilteredBus } from "../events/bus.ts";
import { missedEvents, OutboxRelay } from "../workers/outbox-relay.ts";
import type { ServiceDeps } from "../db/service-deps.ts";
import { accountLock } from "../db/write-kernel.ts";
import { authenticateRequest, maskError, yogaLogger } from "./http-auth.ts";
import { type Context, registerPrisma, type ServerContext } from "../graphql/context.ts";
import { bodyLimit } from "./body-limit.ts";
import { noHttpSubscriptions } from "./no-http-subscriptions.ts";
import { inputErrorPaths } from "./input-error-paths.ts";
import { type ResponseCache, responseCache } from "./response-cache.ts";
import { schema } from "./schema.ts";
import { attachWebSocket } from "./websocket.ts";
import { LiveSubscriptions } from "./live-subscriptions.ts";
import { serveCalendarFeed } from "./calendar-feed.ts";
import { graphiqlOptions, renderOfflineGraphiQL } from "./graphiql-page.ts";
import { serveApp } from "./serve-app.ts";
import { operationLimits } from "./limits/operation-limits.ts";
import { rateLimit } from "./limits/rate-limit.ts";
import { healthEndpoints } from "./health.ts";
import { corsPolicy, noIntrospection } from "./exposure.ts";
import { createServices, type Services } from "../modules/registry.ts";
import { createDatedJobs, type DatedJobs } from "../workers/dated-jobs.ts";
import { SlaMonitor } from "../workers/sla-monitor.ts";
import { acrossWorkspaces, inWorkspace } from "../db/workspace-scope.ts";
import { workspaceScope } from "./workspace-scope-plugin.ts";
import { DEFAULT_WORKSPACE_ID } from "../modules/workspace/index.ts";
import type { AdminAccess } from "../modules/token/index.ts";

export interface AppOptions {
  config: Config;
  /** The clock; tests inject a fixed or controllable one. */
  now?: () => Date;
  /** The service's logger; by default one made from `config.log`. */
  log?: Logger;
  /** Wraps Prisma's driver adapter (tests count SQL statements through it). */
  wrapAdapter?: AdapterWrapper;
  /** With DATA_DIR=memory: start from this PGlite data directory image instead of an empty database (tests start from a migrated one). */
  databaseImage?: Blob;
  /** Outbox rows a resuming subscription's replay reads at a time (default 500): tests cross pages with few events. */
  replayPage?: number;
}

export interface App {
  start(port?: number): Promise<string>;
  stop(): Promise<void>;
  readonly url: string;
  readonly services: Services;
  readonly db: Database;
  readonly bus: EventBus;
  /** The services' transaction: what it enqueued in the outbox is published after it commits. */
  readonly transaction: ServiceDeps["transaction"];
  /** Publishes what committed transactions enqueued; `await relay.kick()` returns once all of it is published. */
  readonly relay: OutboxRelay;
  /** Fires SLA alerts; tests with an injected clock call `tick()` after moving it. */
  readonly slaMonitor: SlaMonitor;
  /** How an administrator gets in (a secret created at this start is in it once, for main to print). */
  readonly adminAccess: AdminAccess;
  /** Requests answered from an identical query's answer still being computed (tests wait for them to join). */
  readonly responseCache: Pick<ResponseCache, "waiting">;
  /** Client subscriptions the server is listening for, per root field (also on /healthz). */
  readonly liveSubscriptions: LiveSubscriptions;
  /** Does dated work (period ends); tests with an injected clock call `tick()` after moving it. */
  readonly datedJobs: DatedJobs;
}

export async function buildApp({
  config,
  now = () => new Date(),
  log = createLogger(config.log),
  wrapAdapter,
  databaseImage,
  replayPage,
}: AppOptions): Promise<App> {
  log.info(`database: opening ${describeDatabase(config)}`);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(wrapAdapter ? { wrapAdapter } : {}),
    ...(databaseImage ? { image: databaseImage } : {}),
  });
  log.info("migrations: checking");
  const applied = await migrate(db);
  log.info(applied.length ? `migrations: applied ${applied.length} (${applied.join(", ")})` : "migrations: up to date");
  db.enforceWorkspaces();

  const bus = createEventBus(
    config.redisUrl
      ? { url: config.redisUrl, prefix: config.redisPrefix, missed: missedEvents(db.prisma), log: log.child({ module: "event bus" }) }
      : undefined,
  );
  const relay = new OutboxRelay(db.prisma, bus, { retentionMs: config.outboxRetentionMs, log: log.child({ worker: "outbox relay" }) });
  const transaction: ServiceDeps["transaction"] = async (work, options) => {
    const result = await db.prisma.$transaction(work, options);
    void relay.kick();
    return result;
  };
  const deps: ServiceDeps = {
    prisma: db.prisma,
    sql: db.sql,
    bus: workspaceFilteredBus(bus),
    now,
    log,
    transaction,
    withAccountLock: accountLock(transaction),
    committed: () => void relay.kick(),
    ...(replayPage ? { replayPage } : {}),
  };
  const services = createServices(deps, { adminToken: config.adminToken, ticketReopenDays: config.ticketReopenDays, queueCountsMs: config.queueCountsMs });
  const slaMonitor = new SlaMonitor(deps);
  const datedJobs = createDatedJobs(deps, services);
  relay.start();
  registerPrisma(services, db.prisma);
  let added = 0;
  await services.workspaces.forEach(async () => (added += await services.requestTypes.ensureStandard()));
  if (added) log.info(`request types: added ${added} standard ones`);
  if (config.seed === "demo") {
    log.info("demo data: loading");
    const seeded = await seedDemo(db.prisma, services);
    log.info(
      seeded
        ? "demo data: loaded five workspaces, one per source policy (source-000 … source-004)"
        : "demo data: not loaded, the database already holds data; SEED=demo only fills an empty database",
    );
  }
  // a generated first-start token is the platform administrator; the token row lives in the default workspace
  const adminAccess = await inWorkspace(DEFAULT_WORKSPACE_ID, () => services.tokens.ensureAdminAccess(config.production));

  const cache = responseCache({
    ttlMs: config.responseCacheMs,
    bus,
    now,
    ticketPlace: (id) => acrossWorkspaces(() => services.ticketQueues.place(id)),
    published: () => relay.kick(),
  });
  const yoga: YogaServerInstance<ServerContext, Context> = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: config.graphiql ? graphiqlOptions() : false,
    renderGraphiQL: renderOfflineGraphiQL(),
    cors: corsPolicy(config.corsOrigins),
    maskedErrors: { maskError },
    logging: yogaLogger(log.child({ module: "graphql" })),
    maxRequestBodySize: false,
    plugins: [
      bodyLimit(),
      noHttpSubscriptions(),
      ...(config.limits.checkOperations ? [operationLimits(config.limits)] : []),
      inputErrorPaths(),
      workspaceScope(),
      ...(config.introspection ? [] : [noIntrospection()]),
      cache.plugin,
    ],
    context: async ({ request, viewer }) => ({
      viewer: viewer ?? (await authenticateRequest(services, request.headers.get("authorization"), request.headers.get("x-workspace"))),
      services,
    }),
  });

  const rates = rateLimit({ perMinute: config.limits.ratePerMinute, redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, clock: () => now().getTime() });
  const liveSubscriptions = new LiveSubscriptions();
  const app = serveApp();
  const health = healthEndpoints(db, bus, config.redisUrl !== undefined, () => liveSubscriptions.snapshot());
  const server = createServer((req, res) => {
    const id = newRequestId();
    res.setHeader("x-request-id", id);
    void inRequest(id, () => handle(req, res));
  });
  // Idle keep-alive connections outlive a client's or load balancer's reuse window (clients reuse one until
  // shortly before the advertised timeout): closing one just as it is reused resets that request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (await health(req, res)) return;
      // A feed is named by its calendar's secret (the only credential it takes), whatever its workspace.
      if (await acrossWorkspaces(() => serveCalendarFeed(req, res, services, now()))) return;
      if (await app(req, res)) return;
      if (await rates.refused(req, res)) return;
    } catch (error) {
      log.error({ err: error }, "internal error");
      if (!res.headersSent) res.writeHead(500).end();
      return;
    }
    void yoga.handle(req, res, { req, res });
  };
  // noServer: attached with `server`, ws would re-emit the server's listen errors (EADDRINUSE) to
  // graphql-ws, which prints them as internal errors before start() can report them in one line.
  const wss = new WebSocketServer({ noServer: true, path: "/graphql", maxPayload: 256 * 1024 });
  server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (client) => wss.emit("connection", client, req)));
  const ws = attachWebSocket(wss, yoga, services, {
    share: config.shareSubscriptions,
    subscriptionsPerSocket: config.limits.subscriptionsPerSocket,
    pingMs: config.wsPingMs,
    live: liveSubscriptions,
    rates,
  });
  slaMonitor.start();
  services.ticketTierFollower.start();
  datedJobs.start();

  let url = "";
  return {
    services,
    db,
    bus,
    transaction,
    relay,
    slaMonitor,
    adminAccess,
    datedJobs,
    liveSubscriptions,
    responseCache: { waiting: cache.waiting },
    get url() {
      return url;
    },
    start: (port = config.port) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, config.host, () => {
          const { port: bound } = server.address() as AddressInfo;
          url = `http://${config.host}:${bound}`;
          resolve(url);
        });
      }),
    async stop() {
      await ws.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      });
      cache.close();
      rates.close();
      await slaMonitor.stop();
      await datedJobs.stop();
      await services.ticketTierFollower.stop();
      await relay.stop();
      await bus.close();
      await db.close();
    },
  };
}
