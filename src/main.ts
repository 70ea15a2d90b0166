// first: V8 flags must be set before the service allocates
import "./v8-flags.ts";
import { type Config, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { adminLines, startFailureLine } from "./server/start-messages.ts";

// until the configuration is read (it may be what fails)
let log = createLogger({ level: "info", format: "text" });
let config: Config | undefined;
try {
  config = loadConfig();
  log = createLogger(config.log);
  for (const warning of config.warnings) log.warn(warning);
  log.info(`starting on Node ${process.version}, loading the service`);
  const { buildApp } = await import("./server/app.ts");
  const app = await buildApp({ config, log });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await app.stop();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  const url = await app.start();
  for (const line of adminLines(app.adminAccess)) log.info(line);
  log.info(`listening on ${url}/graphql (${app.db.kind}${config.redisUrl ? ", redis fan-out" : ""}); open it in a browser for GraphiQL, GET ${url}/healthz for health`);
} catch (error) {
  log.error(startFailureLine(error, config));
  log.debug({ err: error }, "why the start failed");
  process.exit(1);
}
