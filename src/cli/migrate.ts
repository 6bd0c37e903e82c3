import { loadConfig } from "../config.ts";
import { connectDatabase } from "../db/client.ts";
import { startEmbeddedPostgres } from "../db/embedded.ts";
import { runMigrations, underStartupLock } from "../db/migrate.ts";
import { createLogger } from "../server.ts";

/** `npm run db:migrate`: apply the committed migrations to DATABASE_URL or the embedded database. */
const config = loadConfig();
const logger = createLogger(config);
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, logger);
const database = connectDatabase(config.databaseUrl ?? (embedded?.url as string));
try {
  // Under the lock instances take at start, so it is safe while they start.
  await underStartupLock(database.pool, () => runMigrations(database.db));
  logger.info("migrations applied");
} finally {
  await database.close();
  await embedded?.stop();
}
