// first: V8 flags must be set before the service allocates
import "./v8-flags.ts";
import { buildApp } from "./server/app.ts";
import { ConfigError, loadConfig } from "./config.ts";

try {
  const config = loadConfig();
  const app = await buildApp({ config, log: (message) => console.log(message) });
  const url = await app.start();
  console.log(`supportclock listening on ${url}/graphql (${app.db.kind}${config.redisUrl ? ", redis fan-out" : ""})`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await app.stop();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
} catch (error) {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(1);
}
