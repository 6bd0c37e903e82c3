import { cpSync, readdirSync } from "node:fs";
import path from "node:path";
import { ensureWebBuilt, rootDir } from "./web-build.ts";

/**
 * The second half of `npm run build`, run from the compiled output after `tsc -p
 * tsconfig.build.json`: copies the files the server reads at run time that are not TypeScript (the
 * public site's stylesheets) beside the compiled code, and builds the web app with Vite.
 */
const assetFolders = ["http/render/public-site"];

for (const folder of assetFolders) {
  const from = path.join(rootDir, "src", folder);
  for (const name of readdirSync(from).filter((n) => n.endsWith(".css"))) {
    cpSync(path.join(from, name), path.join(rootDir, "dist/server", folder, name));
  }
}
await ensureWebBuilt({ info: (message: string) => console.log(message) });
