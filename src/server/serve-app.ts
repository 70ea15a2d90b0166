import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const WEB = fileURLToPath(new URL("../web/", import.meta.url));

export interface WebBundle {
  files: Map<string, { body: Buffer; gzip: Buffer; type: string }>;
  /** Bytes of app.js + app.css, raw and gzipped. */
  size: { raw: number; gzip: number };
}

/** Bundles src/web (Preact, graphql-ws) in memory with esbuild: nothing is committed or written to disk. */
export async function bundleWebApp(): Promise<WebBundle> {
  const result = await build({
    entryPoints: { app: `${WEB}main.tsx` },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    jsx: "automatic",
    jsxImportSource: "preact",
    outdir: "/app",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const files: WebBundle["files"] = new Map();
  const add = (name: string, body: Buffer, type: string) => files.set(name, { body, gzip: gzipSync(body), type });
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf("/") + 1);
    add(name, Buffer.from(file.contents), name.endsWith(".css") ? "text/css" : "text/javascript");
  }
  const assets = [...files.values()];
  add("index.html", await readFile(`${WEB}index.html`), "text/html");
  return { files, size: { raw: assets.reduce((sum, file) => sum + file.body.length, 0), gzip: assets.reduce((sum, file) => sum + file.gzip.length, 0) } };
}

/** Serves the dashboard under /app, built on the first request and kept in memory. */
export function serveApp() {
  let bundle: Promise<WebBundle> | null = null;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "").split("?")[0]!;
    if (path !== "/app" && !path.startsWith("/app/")) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return true;
    }
    bundle ??= bundleWebApp();
    const name = path === "/app" || path === "/app/" ? "index.html" : path.slice("/app/".length);
    const file = (await bundle).files.get(name);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return true;
    }
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? file.gzip : file.body;
    res.writeHead(200, {
      "content-type": `${file.type}; charset=utf-8`,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
      "content-length": body.length,
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
