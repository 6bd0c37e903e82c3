import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";

/** The repository's root: two folders up from src/cli, three from the compiled dist/server/cli. */
export const rootDir = fileURLToPath(
  new URL(import.meta.url.endsWith(".js") ? "../../.." : "../..", import.meta.url),
);
export const webDir = path.join(rootDir, "dist/web");
const stampFile = path.join(webDir, ".source-hash");

/** Everything the web bundle is built from. */
function sourceFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : [full];
    });
  return [
    ...walk(path.join(rootDir, "src/web")),
    ...walk(path.join(rootDir, "src/domain")),
    ...["vite.config.ts", "package-lock.json", "src/http/routes/plan.ts", "src/http/errors.ts"].map((f) =>
      path.join(rootDir, f),
    ),
  ]
    .filter((f) => existsSync(f) && !f.endsWith(".test.ts") && !f.endsWith(".test.tsx"))
    .sort();
}

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles()) hash.update(path.relative(rootDir, file)).update(readFileSync(file));
  return hash.digest("hex");
}

/** Builds the web app with Vite when dist/web is missing or older than its sources. */
export async function ensureWebBuilt(logger: Pick<Logger, "info">): Promise<string> {
  const wanted = sourceHash();
  const current = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
  if (current === wanted && existsSync(path.join(webDir, "index.html"))) return webDir;
  logger.info("building the web app (missing or stale)");
  const { build } = await import("vite");
  // Always React's production build, also when the server itself runs with NODE_ENV=development
  // (Vite takes NODE_ENV from the environment; a development build is several times larger).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: path.join(rootDir, "vite.config.ts"), mode: "production", logLevel: "warn" });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(stampFile, wanted);
  return webDir;
}
