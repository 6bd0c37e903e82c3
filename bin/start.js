#!/usr/bin/env node
// `npm start`: the compiled server (`npm run build` makes dist/server) run by Node.js itself.
import { existsSync } from "node:fs";

const entry = new URL("../dist/server/cli/start.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("Planverk er ikke bygd: kjør «npm run build» først (eller «npm run dev» under utvikling).");
  process.exit(1);
}
await import(entry.href);
