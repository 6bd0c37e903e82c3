#!/usr/bin/env node
// The `planverk` command: the compiled CLI (dist/server, made by `npm run build`) run by Node.js
// itself; when that build is missing or older than the sources, the TypeScript source through tsx.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isBuilt } from "./build.js";

const compiled = fileURLToPath(new URL("../dist/server/cli/planverk.js", import.meta.url));
const source = fileURLToPath(new URL("../src/cli/planverk.ts", import.meta.url));
const args = isBuilt() ? [compiled] : ["--import", "tsx", source];
const result = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
