#!/usr/bin/env node
// The `planverk` command: the compiled CLI (dist/server, made by `npm run build`) run by Node.js
// itself; in a checkout that is not built, the TypeScript source through tsx.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const compiled = fileURLToPath(new URL("../dist/server/cli/planverk.js", import.meta.url));
const source = fileURLToPath(new URL("../src/cli/planverk.ts", import.meta.url));
const args = existsSync(compiled) ? [compiled] : ["--import", "tsx", source];
const result = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
