#!/usr/bin/env node
// `npm start`: the compiled server (dist/server) run by Node.js itself. When the build is missing or
// older than the sources (a fresh clone, a `git pull`), it is built first; `npm run build` at
// deployment makes the start immediate.
import { build, isBuilt } from "./build.js";

if (!isBuilt()) {
  console.log("building Planverk (missing or older than the sources)");
  try {
    build();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
await import(new URL("../dist/server/cli/start.js", import.meta.url).href);
