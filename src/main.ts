// first: V8 flags must be set before the service allocates
import "./v8-flags.ts";
import { type Config, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import type { App } from "./server/app.ts";
import { adminLines, startFailureLine } from "./server/start-messages.ts";

// until the configuration is read (it may be what fails)
let log = createLogger({ level: "info", format: "text" });
let config: Config | undefined;
try {
  config = loadConfig();
  log = createLogger(config.log);
  for (const warning of config.warnings) log.warn(warning);
  // Asked to stop while starting (opening the database, migrating), the start runs to its end, so
  // no migration is cut off, and then stops as a started service would.
  let app: App | undefined;
  let stopping = false;
  const shutdown = async () => {
    if (stopping || !app) return void (stopping = true);
    stopping = true;
    await app.stop();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  log.info(`starting on Node ${process.version}, loading the service`);
  const { buildApp } = await import("./server/app.ts");
  app = await buildApp({ config, log });
  if (stopping) {
    log.info("stopping: asked to stop while starting");
    await app.stop();
    process.exit(0);
  }
  const url = await app.start();
  for (const line of adminLines(app.adminAccess)) log.info(line);
  log.info(
    `listening on ${url}/graphql (${app.db.kind}${config.redisUrl ? ", redis fan-out" : ""}); open it in a browser for GraphiQL, GET ${url}/healthz for health`,
  );
} catch (error) {
  log.error(startFailureLine(error, config));
  log.debug({ err: error }, "why the start failed");
  process.exit(1);
}
