import type { Logger } from "pino";
import { connectDatabase, type DatabaseHandle } from "./client.ts";
import { type EmbeddedDatabase, openDataDirDatabase, startEmbeddedPostgres } from "./embedded.ts";
import { grantAppRole, userOf } from "./roles.ts";

/**
 * The two logins Planverk uses: `appUrl` for the running app's pool, `ownerUrl` for migrations,
 * grants and operator commands. `separate` is false when one login does both (an external
 * PostgreSQL given only DATABASE_URL).
 */
export type DatabaseLogins = {
  appUrl: string;
  ownerUrl: string;
  separate: boolean;
  embedded: EmbeddedDatabase | undefined;
};

export type DatabaseSettings = {
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  dataDir: string;
};

/**
 * The logins of the configured database: the embedded one (started, or for operator commands the
 * one a running Planverk uses) with its two roles, or DATABASE_URL and DATABASE_OWNER_URL.
 */
export async function openDatabaseLogins(
  settings: DatabaseSettings,
  logger: Logger,
  mode: "start" | "open" = "start",
): Promise<DatabaseLogins> {
  if (!settings.databaseUrl) {
    const embedded =
      mode === "start"
        ? await startEmbeddedPostgres(settings.dataDir, logger)
        : await openDataDirDatabase(settings.dataDir, logger);
    return { appUrl: embedded.appUrl, ownerUrl: embedded.url, separate: true, embedded };
  }
  const ownerUrl = settings.databaseOwnerUrl ?? settings.databaseUrl;
  const separate = userOf(ownerUrl) !== userOf(settings.databaseUrl);
  if (!separate) {
    logger.warn(
      "DATABASE_OWNER_URL is not set (or names the same login as DATABASE_URL): the app runs as the " +
        "owner of the tables and could alter or switch off the audit trail. See the README, «PostgreSQL».",
    );
  }
  return { appUrl: settings.databaseUrl, ownerUrl, separate, embedded: undefined };
}

/** After migrations (as the owner): give the app's login its rights, when it is a login of its own. */
export async function grantAppLogin(owner: DatabaseHandle, logins: DatabaseLogins): Promise<void> {
  if (!logins.separate) return;
  const client = await owner.pool.connect();
  try {
    await grantAppRole(client, userOf(logins.appUrl));
  } finally {
    client.release();
  }
}

/** Connects to the owner's login for a short piece of start-up work. */
export function connectOwner(logins: DatabaseLogins): DatabaseHandle {
  return connectDatabase(logins.ownerUrl, { max: 2 });
}
