import type { FastifyInstance } from "fastify";
import pino, { type Logger } from "pino";
import type { Config } from "./config.ts";
import { connectDatabase } from "./db/client.ts";
import { startEmbeddedPostgres } from "./db/embedded.ts";
import { runMigrations } from "./db/migrate.ts";
import { demoUsersNotice, loadDemoDataIfEmpty, refuseDemoUsersInProduction } from "./demo/load-demo-data.ts";
import { buildApp } from "./http/app.ts";
import { systemActor } from "./services/context.ts";
import { syncMunicipalityRegister } from "./services/municipalities/sync-municipality-register.ts";
import { ensureDefaultRegion } from "./services/region/ensure-default-region.ts";

export type RunningPlanverk = { app: FastifyInstance; url: string; stop: () => Promise<void> };

export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({ level: config.logLevel });
}

/**
 * Starts everything in order: the database (embedded unless DATABASE_URL is given), migrations,
 * demo data on first start, then the HTTP server. `stop` undoes it in reverse order.
 */
export async function startPlanverk(
  config: Config,
  logger: Logger,
  webDir?: string,
): Promise<RunningPlanverk> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, logger);
  const database = connectDatabase(config.databaseUrl ?? (embedded?.url as string));
  try {
    await runMigrations(database.db);
    const ctx = { db: database.db, actor: systemActor() };
    await syncMunicipalityRegister({ ctx });
    await ensureDefaultRegion({ ctx });
    if (config.env === "production") await refuseDemoUsersInProduction({ ctx });
    else if (config.loadDemoData && (await loadDemoDataIfEmpty({ ctx }))) {
      logger.info("demo data loaded (Drammen kommune, example measures)");
      console.log(demoUsersNotice());
    }
    const app = await buildApp({ config, db: database.db, logger, webDir });
    const url = await app.listen({ port: config.port, host: config.host });
    return {
      app,
      url,
      stop: async () => {
        await app.close();
        await database.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
