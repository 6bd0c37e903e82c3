import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Database = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: services accept either. */
export type DbOrTx = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export type DatabaseHandle = { db: Database; pool: pg.Pool; close: () => Promise<void> };

export function connectDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const db = drizzle({ client: pool, schema });
  return { db, pool, close: () => pool.end() };
}

type Results<T extends readonly (() => unknown)[]> = {
  -readonly [K in keyof T]: Awaited<ReturnType<T[K]>>;
};

/**
 * Runs independent queries side by side on the pool, but one after another inside a transaction:
 * a transaction has one connection, which runs one query at a time (pg 9 will refuse otherwise).
 */
export async function queryAll<const T extends readonly (() => unknown)[]>(
  db: DbOrTx,
  queries: T,
): Promise<Results<T>> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(queries.map((q) => q()))) as Results<T>;
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as Results<T>;
}

/**
 * The connection a handle runs on, for a library that takes raw SQL (pg-boss queueing a job inside
 * the caller's transaction): the transaction's own client, or the pool outside one.
 */
export function sqlExecutorOf(db: DbOrTx): {
  executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
} {
  const client = (db as unknown as { session: { client: pg.Pool | pg.PoolClient } }).session.client;
  return { executeSql: (text, values) => client.query(text, values) };
}
