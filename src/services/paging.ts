import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { AppError } from "../errors.ts";

/**
 * Cursor paging for the lists that can grow (the audit trail, histories, organisations, measures,
 * comments, notifications). A page is `limit` items (default 50, at most 200) and the cursor of the
 * next one, null on the last page. A cursor is opaque to clients: base64url of JSON naming its list
 * and the key of the last item shown. Without a cursor a list answers its first page, so a caller
 * that never pages keeps working on the first `limit` items.
 */
export const pageLimits = { default: 50, max: 200 } as const;

export type PageInput = { cursor?: string; limit?: number };
export type Page<T> = { items: T[]; nextCursor: string | null };

type KeyPart = string | number;

const badCursor = () => new AppError("validation", "paging.badCursor", {}, [{ path: "/cursor" }]);

const limitOf = (input: PageInput) =>
  Math.min(Math.max(Math.trunc(input.limit ?? pageLimits.default), 1), pageLimits.max);

export function encodeCursor(list: string, key: readonly KeyPart[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), "utf8").toString("base64url");
}

/** The key in a cursor of `list`, shaped as `shape`; anything else is a 400 on `cursor`. */
export function decodeCursor(
  list: string,
  cursor: string,
  shape: readonly ("string" | "number")[],
): KeyPart[] {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(cursor)) throw badCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed[0] !== list || parsed.length !== shape.length + 1) throw badCursor();
  const key = parsed.slice(1) as unknown[];
  if (
    !key.every(
      (part, i) => typeof part === shape[i] && (typeof part !== "number" || Number.isSafeInteger(part)),
    )
  )
    throw badCursor();
  return key as KeyPart[];
}

/**
 * A page of a list already loaded and sorted (by its sort key, then id, so the order is total). The
 * cursor holds the last item's id and position: the next page starts after that id, or, if it has
 * gone since, at that position (best effort: a list kept in memory is small and read at once).
 */
export function pageOfSorted<T>(
  list: string,
  items: readonly T[],
  idOf: (item: T) => string,
  input: PageInput,
): Page<T> {
  const limit = limitOf(input);
  let start = 0;
  if (input.cursor) {
    const [id, position] = decodeCursor(list, input.cursor, ["string", "number"]) as [string, number];
    const found = items.findIndex((item) => idOf(item) === id);
    // Gone: what followed it has moved up into its position.
    start = found >= 0 ? found + 1 : Math.min(Math.max(position, 0), items.length);
  }
  const shown = items.slice(start, start + limit);
  const last = shown.at(-1);
  const more = start + limit < items.length && last !== undefined;
  return {
    items: shown,
    nextCursor: more ? encodeCursor(list, [idOf(last), start + shown.length - 1]) : null,
  };
}

/**
 * Keyset paging newest first by a timestamp and an id, in SQL: the condition for the rows after the
 * cursor, the limit to ask for (one more, to know whether there is a next page), and how to cut the
 * rows fetched into the page. The timestamp goes into the cursor at microsecond precision
 * (`timestampKey`), so rows with the same time are neither skipped nor repeated.
 */
export function newestFirst<Id extends KeyPart>(
  list: string,
  columns: { at: PgColumn; id: PgColumn },
  idType: Id extends number ? "number" : "string",
  input: PageInput,
) {
  const limit = limitOf(input);
  let after: SQL | undefined;
  if (input.cursor) {
    const [at, id] = decodeCursor(list, input.cursor, ["string", idType]);
    if (Number.isNaN(Date.parse(String(at)))) throw badCursor();
    after = sql`(${columns.at}, ${columns.id}) < (${at}::timestamptz, ${id})`;
  }
  return {
    after,
    fetch: limit + 1,
    page<T>(rows: readonly T[], keyOf: (row: T) => [string, Id]): Page<T> {
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > limit && last !== undefined ? encodeCursor(list, keyOf(last)) : null,
      };
    },
  };
}

/** A timestamp column as exact text for a cursor (UTC, microseconds). */
export const timestampKey = (column: PgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
