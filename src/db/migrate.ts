import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";
import type { Database } from "./client.ts";

/** The committed migrations at the repository's root: from src/db, or from the compiled dist/server/db. */
export const migrationsFolder = fileURLToPath(
  new URL(import.meta.url.endsWith(".js") ? "../../../migrations" : "../../migrations", import.meta.url),
);

/** Applies the committed SQL migrations that the database does not have yet. */
export async function runMigrations(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}

/** The advisory lock key of start-up work (migrations, register sync, demo load): "planverk" in ASCII. */
export const startupLockKey = 0x706c616e7665726bn;

/**
 * Runs `work` while holding a session-level PostgreSQL advisory lock on a connection of its own, so
 * that of several instances starting at once on one database exactly one migrates and loads the demo
 * while the others wait, then find the work done. The lock goes with the connection: an instance that
 * dies while holding it does not block the others.
 */
export async function underStartupLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [startupLockKey.toString()]);
    try {
      return await work();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [startupLockKey.toString()]);
    }
  } finally {
    client.release();
  }
}
