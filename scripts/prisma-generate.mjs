// postinstall: generates the Prisma client and Pothos types. The CLI only needs a schema-engine
// path to exist when it cannot download one; generation itself runs on its bundled WASM.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const anyFile = fileURLToPath(import.meta.url);
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    PRISMA_SCHEMA_ENGINE_BINARY: anyFile,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    ...process.env,
    PATH: `${root}node_modules/.bin:${process.env.PATH}`,
  },
});
