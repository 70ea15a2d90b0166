// first: V8 flags must be set before the service allocates
import "./v8-flags.ts";
import { type Config, loadConfig } from "./config.ts";
import { adminLines, startFailureLine } from "./server/start-messages.ts";

const log = (message: string) => console.log(`supportclock: ${message}`);
let config: Config | undefined;
try {
  config = loadConfig();
  for (const warning of config.warnings) log(`warning: ${warning}`);
  log(`starting on Node ${process.version}, loading the service`);
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
  for (const line of adminLines(app.adminAccess)) log(line);
  log(`listening on ${url}/graphql (${app.db.kind}${config.redisUrl ? ", redis fan-out" : ""}); open it in a browser for GraphiQL, GET ${url}/healthz for health`);
} catch (error) {
  console.error(`supportclock: ${startFailureLine(error, config)}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
}
