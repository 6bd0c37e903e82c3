import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.ts";
import type { AppError } from "../errors.ts";

/** A table whose rows carry the optimistic `version` (columns.ts `rowVersion`) and `updatedAt`. */
type VersionedTable = PgTable & { version: PgColumn; updatedAt: PgColumn };

/**
 * Saves the one row that `where` picks out, with optimistic concurrency: the row is locked; if it
 * exists, the caller must name its current version and the row is updated with `version + 1`
 * (and a fresh `updatedAt`); if it does not, the caller must name `null` and the row is inserted.
 * Anything else — or a row that changed between the read and the write — throws `stale(existing)`.
 * Returns the row as it was (for the audit's "before") and as saved. Run it inside the use case's
 * transaction.
 */
export async function saveVersionedRow<T extends VersionedTable>(
  tx: DbOrTx,
  {
    table,
    where,
    version,
    stale,
    update,
    insert,
  }: {
    table: T;
    where: SQL | undefined;
    /** The version the person edited; null for a first save. */
    version: number | null;
    stale: (existing: T["$inferSelect"] | undefined) => AppError;
    update: PgUpdateSetSource<T>;
    insert: PgInsertValue<T>;
  },
): Promise<{ existing: T["$inferSelect"] | undefined; saved: T["$inferSelect"] }> {
  type Row = T["$inferSelect"];
  const [existing] = (await tx
    .select()
    .from(table as PgTable)
    .where(where)
    .for("update")) as Row[];
  let saved: Row | undefined;
  if (existing) {
    if (version !== existing.version) throw stale(existing);
    [saved] = (await tx
      .update(table)
      .set({ ...update, version: sql`${table.version} + 1`, updatedAt: new Date() })
      .where(and(where, eq(table.version, existing.version)))
      .returning()) as Row[];
  } else {
    if (version !== null) throw stale(existing);
    [saved] = (await tx.insert(table).values(insert).returning()) as Row[];
  }
  if (!saved) throw stale(existing);
  return { existing, saved };
}
