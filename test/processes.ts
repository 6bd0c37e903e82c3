import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { rootDir } from "../src/cli/web-build.ts";

export type StartedProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/**
 * Runs Planverk's start as a separate process, as an operator would: from the TypeScript source
 * through tsx (`npm run dev`), or with `built` the compiled server as `npm start` runs it, by
 * Node.js itself with type stripping off (so no TypeScript file can be loaded at all).
 */
export function startPlanverkProcess(
  env: Record<string, string>,
  options: { built?: boolean } = {},
): StartedProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const args = options.built
    ? ["--no-experimental-strip-types", "bin/start.js"]
    : ["--import", "tsx", "src/cli/start.ts"];
  const child = spawn(process.execPath, args, {
    cwd: rootDir,
    env: { ...inherited, NODE_ENV: "development", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

export async function waitUntilReady(
  url: string,
  process: StartedProcess,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) throw new Error(`Planverk exited early:\n${process.output()}`);
    const ok = await fetch(`${url}/readyz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Planverk was not ready within ${timeoutMs} ms:\n${process.output()}`);
}
