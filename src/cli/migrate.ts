import { loadConfig } from "../config.ts";
import { connectDatabase } from "../db/client.ts";
import { grantAppLogin, openDatabaseLogins } from "../db/logins.ts";
import { runMigrations, underStartupLock } from "../db/migrate.ts";
import { createLogger } from "../server.ts";

/**
 * `npm run db:migrate`: apply the committed migrations to the configured or the embedded database,
 * as the owner's login (DATABASE_OWNER_URL), and grant the app's login its rights.
 */
const config = loadConfig();
const logger = createLogger(config);
const logins = await openDatabaseLogins(config, logger);
const embedded = logins.embedded;
const database = connectDatabase(logins.ownerUrl);
try {
  // Under the lock instances take at start, so it is safe while they start.
  await underStartupLock(database.pool, async () => {
    await runMigrations(database.db);
    await grantAppLogin(database, logins);
  });
  logger.info("migrations applied");
} finally {
  await database.close();
  await embedded?.stop();
}
