#!/usr/bin/env node
// `npm run build`, and what `npm start` runs first when the build is missing or older than the
// sources: the server compiled by tsc into dist/server (tsconfig.build.json), the files it reads
// that are not TypeScript copied beside it and the web app built by Vite into dist/web
// (src/cli/build-assets.ts), then a hash of the sources written to dist/server/.source-hash.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = path.join(root, "dist/server/.source-hash");
const entry = path.join(root, "dist/server/cli/start.js");

/** A hash of everything the compiled server is made from (tests left out). */
function sourceHash() {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
  const files = [
    ...walk(path.join(root, "src")).filter((f) => !/\.test\.tsx?$/.test(f)),
    ...["package-lock.json", "tsconfig.json", "tsconfig.build.json"].map((f) => path.join(root, f)),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update(readFileSync(file));
  return hash.digest("hex");
}

/** The compiled server is there and made from the sources as they are (or there are no sources). */
export function isBuilt() {
  if (!existsSync(entry)) return false;
  if (!existsSync(path.join(root, "src"))) return true;
  return existsSync(stamp) && readFileSync(stamp, "utf8") === sourceHash();
}

export function build() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    throw new Error(
      "The build needs TypeScript: run `npm ci` with the dev dependencies, then `npm run build`.",
    );
  }
  const hash = sourceHash();
  const run = (args) => {
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`build step failed: node ${args.join(" ")}`);
  };
  run([tsc, "-p", "tsconfig.build.json"]);
  run(["dist/server/cli/build-assets.js"]);
  writeFileSync(stamp, hash);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    build();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
