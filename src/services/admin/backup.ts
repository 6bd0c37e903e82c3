import { is, sql } from "drizzle-orm";
import { getTableConfig, type PgTable, PgTable as PgTableClass } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client.ts";
import * as schema from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";

/**
 * Backup and restore of an installation or of one municipality, as a JSON-lines file: a header,
 * then one line per table with its rows as PostgreSQL's own JSON (`json_agg`), so every type
 * (bigint, timestamps, jsonb) goes out and back exactly. The dump reads in one REPEATABLE READ
 * transaction, so it is one consistent snapshot; the restore writes in one transaction, so it is
 * all or nothing. Sessions and sign-in throttling are not data and are left out.
 */

export const backupFormat = "planverk-backup";
export const backupVersion = 1;
const leftOut = new Set(["sessions", "sign_in_throttle"]);

type TableInfo = {
  name: string;
  columns: string[];
  hasMunicipality: boolean;
  /** Foreign keys: own column → referenced table and column. */
  references: { column: string; table: string; foreignColumn: string }[];
};

/** Every table of the schema, parents before children (so inserts meet their foreign keys). */
export function tablesInOrder(): TableInfo[] {
  const tables = (Object.values(schema).filter((value) => is(value, PgTableClass)) as unknown as PgTable[])
    .map((table) => {
      const config = getTableConfig(table);
      return {
        name: config.name,
        columns: config.columns.map((c) => c.name),
        hasMunicipality: config.columns.some((c) => c.name === "municipality_id"),
        references: config.foreignKeys.map((fk) => {
          const ref = fk.reference();
          return {
            column: ref.columns[0]?.name ?? "",
            table: getTableConfig(ref.foreignTable).name,
            foreignColumn: ref.foreignColumns[0]?.name ?? "",
          };
        }),
      };
    })
    .filter((t) => !leftOut.has(t.name));
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (table: TableInfo, path: Set<string>) => {
    if (seen.has(table.name) || path.has(table.name)) return;
    path.add(table.name);
    for (const ref of table.references) {
      const parent = byName.get(ref.table);
      if (parent && parent.name !== table.name) visit(parent, path);
    }
    seen.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, new Set());
  return ordered;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The rows of one municipality: its own row, every row with its municipality_id, rows of tables
 * without one that hang on such rows (join tables), and the people those rows name. A row that
 * points at a row left out (another municipality's measure it takes part in, a region) is left out
 * too, so the backup restores on its own. Null: the table is left out entirely.
 */
function municipalityFilters(tables: TableInfo[], municipalityId: string): Map<string, string | null> {
  const id = `'${municipalityId.replace(/'/g, "''")}'`;
  const byName = new Map(tables.map((t) => [t.name, t]));
  const filters = new Map<string, string | null>();
  const own = (table: TableInfo): string | null => {
    if (table.name === "municipalities") return `id = ${id}`;
    if (table.hasMunicipality) return `municipality_id = ${id}`;
    if (table.name === "users") {
      const named = tables.flatMap((t) =>
        t.hasMunicipality
          ? t.references
              .filter((r) => r.table === "users")
              .map((r) => `select ${ident(r.column)} from ${ident(t.name)} where municipality_id = ${id}`)
          : [],
      );
      return named.length ? `id in (${named.join(" union ")})` : "false";
    }
    // A join table belongs to the municipality of a row it hangs on.
    const parent = table.references.find((r) => byName.get(r.table)?.hasMunicipality);
    return parent ? "true" : null;
  };
  const filterOf = (table: TableInfo): string | null => {
    if (filters.has(table.name)) return filters.get(table.name) ?? null;
    const base = own(table);
    if (base === null) {
      filters.set(table.name, null);
      return null;
    }
    const conditions = [base];
    for (const ref of table.references) {
      const parent = byName.get(ref.table);
      if (!parent || parent.name === table.name || parent.name === "users") continue;
      const parentFilter = filterOf(parent);
      const column = ident(ref.column);
      conditions.push(
        parentFilter === null
          ? `${column} is null`
          : `(${column} is null or ${column} in (select ${ident(ref.foreignColumn)} from ${ident(parent.name)} where ${parentFilter}))`,
      );
    }
    const filter = conditions.filter((c) => c !== "true").join(" and ") || "true";
    filters.set(table.name, filter);
    return filter;
  };
  for (const table of tables) filterOf(table);
  return filters;
}

export type BackupScope = { municipalityNumber?: string };

/** Writes the backup, line by line, to `write`. Returns the number of rows per table. */
export async function writeBackup(
  db: Database,
  scope: BackupScope,
  write: (line: string) => Promise<void> | void,
): Promise<Record<string, number>> {
  const tables = tablesInOrder();
  return db.transaction(
    async (tx) => {
      let municipalityId: string | null = null;
      if (scope.municipalityNumber) {
        const result = await tx.execute<{ id: string }>(
          sql`select id from municipalities where number = ${scope.municipalityNumber}`,
        );
        municipalityId = result.rows[0]?.id ?? null;
        if (!municipalityId)
          throw new AppError("not_found", "backup.municipalityMissing", { number: scope.municipalityNumber });
      }
      const migrations = await tx.execute<{ count: number }>(
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      );
      await write(
        JSON.stringify({
          format: backupFormat,
          version: backupVersion,
          createdAt: new Date().toISOString(),
          migrations: migrations.rows[0]?.count ?? 0,
          scope: scope.municipalityNumber ? { municipality: scope.municipalityNumber } : "all",
        }),
      );
      const counts: Record<string, number> = {};
      const filters = municipalityId ? municipalityFilters(tables, municipalityId) : null;
      for (const table of tables) {
        const filter = filters ? (filters.get(table.name) ?? null) : null;
        // Regions and other installation-wide tables belong to a whole-installation backup only.
        if (municipalityId && filter === null) continue;
        const where = filter ? `where ${filter}` : "";
        // Ordered by the row's text, so two dumps of the same data are the same bytes. json_agg puts
        // a line break between rows (inside values they are escaped), so one table stays one line.
        const result = await tx.execute<{ rows: string; count: number }>(
          sql.raw(
            `select replace(coalesce(json_agg(t order by t::text), '[]')::text, E'\\n', '') as rows, count(*)::int as count from (select * from ${ident(table.name)} ${where}) t`,
          ),
        );
        const row = result.rows[0];
        counts[table.name] = row?.count ?? 0;
        await write(`{"table":${JSON.stringify(table.name)},"rows":${row?.rows ?? "[]"}}`);
      }
      return counts;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/**
 * Restores a backup into an empty installation (no people, no plans, no audit events: a database
 * that has only been migrated, or also started without demo data). The municipality register and
 * regions Planverk fills in by itself are cleared first and come back from the backup (and, for
 * the municipalities not in it, from the register at the next start). All or nothing.
 */
export async function restoreBackup(db: Database, lines: AsyncIterable<string> | Iterable<string>) {
  const tables = tablesInOrder();
  const known = new Map(tables.map((t) => [t.name, t]));
  return db.transaction(async (tx) => {
    const used = await tx.execute<{ users: number; plans: number; audit: number }>(
      sql`select (select count(*) from users)::int as users, (select count(*) from plans)::int as plans,
                 (select count(*) from audit_events)::int as audit`,
    );
    const usage = used.rows[0];
    if (!usage || usage.users > 0 || usage.plans > 0 || usage.audit > 0) {
      throw new AppError("conflict", "backup.databaseNotEmpty");
    }
    for (const table of [...tables].reverse()) await tx.execute(sql.raw(`delete from ${ident(table.name)}`));

    let header: { format?: string; version?: number } | null = null;
    const counts: Record<string, number> = {};
    for await (const line of lines) {
      if (line.trim() === "") continue;
      if (!header) {
        header = JSON.parse(line);
        if (header?.format !== backupFormat || header.version !== backupVersion)
          throw new AppError("validation", "backup.notABackup");
        continue;
      }
      // The table name is read without parsing the rows, which go to PostgreSQL as they are.
      const match = /^\{"table":("(?:[^"\\]|\\.)*"),"rows":/.exec(line);
      const name = match?.[1] ? (JSON.parse(match[1]) as string) : null;
      const table = name ? known.get(name) : undefined;
      if (!match || !table) throw new AppError("validation", "backup.unknownTable", { name: name ?? "?" });
      const rows = line.slice(match[0].length, -1);
      const result = await tx.execute<{ count: number }>(
        sql`with inserted as (insert into ${sql.raw(ident(table.name))} select * from json_populate_recordset(null::${sql.raw(ident(table.name))}, ${rows}::json) returning 1) select count(*)::int as count from inserted`,
      );
      counts[table.name] = result.rows[0]?.count ?? 0;
    }
    if (!header) throw new AppError("validation", "backup.empty");
    // Counters (the audit trail's ids) continue after the restored rows.
    const serials = await tx.execute<{ table: string; column: string }>(
      sql`select table_name as table, column_name as column from information_schema.columns
          where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const { table, column } of serials.rows) {
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('${ident(table)}', '${column}'), greatest((select coalesce(max(${ident(column)}), 0) from ${ident(table)}), 1))`,
        ),
      );
    }
    return counts;
  });
}
