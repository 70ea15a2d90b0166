// Builds the dashboard bundle (the server builds the same in memory on the first /app request)
// and reports its size; `npm ci` runs it, so a broken front end fails the install.
import { bundleWebApp } from "../src/server/serve-app.ts";

const { size } = await bundleWebApp();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`web app bundle (app.js + app.css): ${kb(size.raw)} minified, ${kb(size.gzip)} gzipped (target ≤ 100 KB)`);
if (size.gzip > 100 * 1024) process.exitCode = 1;
