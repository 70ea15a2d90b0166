// Builds the dashboard bundle (the server builds the same in memory on the first /app request)
// and reports its size; `npm ci` runs it, so a front end that does not compile fails the install.
import { bundleWebApp } from "../src/server/serve-app.ts";

const TARGET_KB = 100;
const { size } = await bundleWebApp();
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(`web app bundle (app.js + app.css): ${kb(size.raw)} KB minified, ${kb(size.gzip)} KB gzipped (target ≤ ${TARGET_KB} KB)`);
if (size.gzip > TARGET_KB * 1024) console.warn(`warning: the web app bundle is over its ${TARGET_KB} KB target`);
