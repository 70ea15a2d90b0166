// first: V8 flags must be set before the service allocates
import "./v8-flags.ts";
import { type Config, loadConfig } from "./config.ts";
import type { App } from "./server/app.ts";
import { adminLines, startFailureLine } from "./server/start-messages.ts";

const log = (message: string) => console.log(`supportclock: ${message}`);
let config: Config | undefined;
try {
  config = loadConfig();
  for (const warning of config.warnings) log(`warning: ${warning}`);
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
  log(`starting on Node ${process.version}, loading the service`);
  const { buildApp } = await import("./server/app.ts");
  app = await buildApp({ config, log });
  if (stopping) {
    log("stopping: asked to stop while starting");
    await app.stop();
    process.exit(0);
  }
  const url = await app.start();
  for (const line of adminLines(app.adminAccess)) log(line);
  log(`listening on ${url}/graphql (${app.db.kind}${config.redisUrl ? ", redis fan-out" : ""}); open it in a browser for GraphiQL, GET ${url}/healthz for health`);
} catch (error) {
  console.error(`supportclock: ${startFailureLine(error, config)}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
}
