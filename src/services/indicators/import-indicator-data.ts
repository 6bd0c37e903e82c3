import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import register from "../../db/reference/kommuner-2024.json" with { type: "json" };
import { indicatorImports, indicators, indicatorValues, municipalities } from "../../db/schema/index.ts";
import { readCsv } from "../../domain/statistics/csv.ts";
import type { TextEncoding } from "../../domain/statistics/encoding.ts";
import { readJsonStatText } from "../../domain/statistics/jsonstat.ts";
import {
  type ImportMapping,
  type MappingResult,
  mapTable,
  type SeriesRow,
  suggestMapping,
} from "../../domain/statistics/mapping.ts";
import { compareReimport, mergeByPeriod, type ReimportMode } from "../../domain/statistics/reimport.ts";
import { StatisticsFileError, type StatTable } from "../../domain/statistics/table.ts";
import { AppError } from "../../errors.ts";
import { defaultFetchLimits, type FetchLimits, fetchStatistics } from "../../infra/fetch-statistics.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { indicatorById } from "./internal.ts";

export type ImportSource =
  | {
      kind: "file";
      fileName: string;
      format: "json-stat" | "csv";
      text: string;
      /** The encoding the browser read the file's bytes in (src/domain/statistics/encoding.ts). */
      encoding?: TextEncoding;
    }
  | { kind: "url"; url: string };

export type ImportInput = {
  municipalityNumber: string;
  indicatorId: string;
  source: ImportSource;
  mapping?: ImportMapping;
  /** What a re-import does to the current series: replace it (default) or merge by period. */
  mode?: ReimportMode;
};

/** The values of an indicator's current import, as series rows (none before the first import). */
export async function currentSeriesRows(db: DbOrTx, indicatorId: string): Promise<SeriesRow[]> {
  return db
    .select({
      regionCode: indicatorValues.regionCode,
      regionLabel: indicatorValues.regionLabel,
      regionNumber: indicatorValues.regionNumber,
      regionMunicipalityId: indicatorValues.regionMunicipalityId,
      period: indicatorValues.period,
      category: indicatorValues.category,
      categoryLabel: indicatorValues.categoryLabel,
      content: indicatorValues.content,
      contentLabel: indicatorValues.contentLabel,
      value: indicatorValues.value,
      status: indicatorValues.status,
    })
    .from(indicatorValues)
    .innerJoin(indicatorImports, eq(indicatorImports.id, indicatorValues.importId))
    .where(and(eq(indicatorImports.indicatorId, indicatorId), isNull(indicatorImports.replacedAt)))
    .orderBy(indicatorValues.id);
}

/** The largest statistics file that may be uploaded: the same as a fetched one. */
export const maxFileBytes = defaultFetchLimits.maxBytes;
export const fileTooLargeMessage = `Filen er større enn ${maxFileBytes / 1024 / 1024} MB; velg et mindre utvalg i tabellen og last den ned på nytt.`;

/** How many rows of the preview are sent back; the counts cover all. */
export const previewRows = 60;

/** Statistics Norway's municipality numbers, and the id of those that have a row in the database. */
export async function knownMunicipalities(db: DbOrTx): Promise<Map<string, string | null>> {
  const known = new Map<string, string | null>(register.kommuner.map((k) => [k.kommunenummer, null]));
  for (const m of await db
    .select({ id: municipalities.id, number: municipalities.number })
    .from(municipalities))
    known.set(m.number, m.id);
  return known;
}

function asValidation(error: unknown): never {
  if (error instanceof StatisticsFileError)
    throw new AppError(
      "validation",
      "common.untranslated",
      { text: error.message },
      error.problems.map((message) => ({ path: "/source", message })),
    );
  throw error;
}

/** Reads the file or fetches the URL; a URL answer that starts with "{" is JSON-stat, otherwise CSV. */
export async function readSource(source: ImportSource, limits?: FetchLimits): Promise<StatTable> {
  return (await readSourceWithEncoding(source, limits)).table;
}

/** Like `readSource`, with the encoding the text was read in (null: not said by the client). */
export async function readSourceWithEncoding(
  source: ImportSource,
  limits?: FetchLimits,
): Promise<{ table: StatTable; encoding: TextEncoding | null }> {
  if (source.kind === "file" && Buffer.byteLength(source.text, "utf8") > maxFileBytes)
    throw new AppError("validation", "indicator.fileTooLarge", { megabytes: maxFileBytes / 1024 / 1024 }, [
      { path: "/source/text", message: fileTooLargeMessage },
    ]);
  let fetched: { text: string; encoding: TextEncoding } | null = null;
  if (source.kind === "url") {
    try {
      fetched = await fetchStatistics(source.url, limits);
    } catch (error) {
      asValidation(error);
    }
  }
  const text = fetched?.text ?? (source.kind === "file" ? source.text : "");
  const encoding = fetched?.encoding ?? (source.kind === "file" ? (source.encoding ?? null) : null);
  const format =
    source.kind === "file"
      ? source.format
      : /^\s*[{[]/.test(text.replace(/^\uFEFF/, ""))
        ? "json-stat"
        : "csv";
  try {
    return { table: format === "json-stat" ? readJsonStatText(text) : readCsv(text), encoding };
  } catch (error) {
    asValidation(error);
  }
}

/**
 * The indicator and the person's right to import into it: checked before the body is read
 * (`authorizeIndicatorImport`), and again by the import itself.
 */
async function loadForImport(
  ctx: ServiceContext,
  input: { municipalityNumber: string; indicatorId: string },
) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const indicator = await indicatorById(ctx.db, tenant, input.indicatorId);
  authorize(ctx, tenant, "update", "indicator", { published: indicator.published }, "indicator");
  return { tenant, indicator };
}

/** May the person import into this indicator? Answers before any upload is read. */
export async function authorizeIndicatorImport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; indicatorId: string };
}) {
  await loadForImport(ctx, input);
}

const describeTable = (table: StatTable, encoding: TextEncoding | null) => ({
  encoding,
  format: table.format,
  version: table.version,
  id: table.id,
  label: table.label,
  source: table.source,
  updated: table.updated,
  valueCount: table.cellCount,
  dimensions: table.dimensions,
});

const describeResult = (result: MappingResult) => ({
  rowCount: result.rows.length,
  missingCount: result.rows.filter((r) => r.value === null).length,
  rows: result.rows.slice(0, previewRows),
  problems: result.problems,
  unmatchedRegions: result.unmatchedRegions,
  unit: result.unit,
  decimals: result.decimals,
});

/** Reads a file or URL and shows what it holds, and what the mapping (or a suggested one) gives. Saves nothing. */
export async function previewIndicatorImport({
  ctx,
  input,
  limits,
}: {
  ctx: ServiceContext;
  input: ImportInput;
  limits?: FetchLimits;
}) {
  const { indicator } = await loadForImport(ctx, input);
  const { table, encoding } = await readSourceWithEncoding(input.source, limits);
  const known = await knownMunicipalities(ctx.db);
  const mapping = input.mapping ?? suggestMapping(table, known);
  const result = mapTable(table, mapping, known);
  // A re-import lists what it adds, changes and removes from the current series.
  const current = await currentSeriesRows(ctx.db, indicator.id);
  const reimport =
    current.length > 0 && result.problems.length === 0
      ? compareReimport(current, result.rows, input.mode ?? "replace")
      : null;
  return { table: describeTable(table, encoding), mapping, result: describeResult(result), reimport };
}

const insertBatch = 25_000;

/**
 * Inserts series rows as one statement per batch with a column array each (`unnest`): 100 000
 * values in a few round trips, instead of one bind parameter per cell.
 */
export async function insertValues(tx: DbOrTx, municipalityId: string, importId: string, rows: SeriesRow[]) {
  if (rows.length === 0) return;
  const column = <T>(pick: (row: SeriesRow) => T) => sql.param(rows.map(pick));
  await tx.execute(sql`
    insert into indicator_values (municipality_id, import_id, region_code, region_label,
      region_municipality_id, region_number, period, category, category_label, content, content_label,
      value, status)
    select ${municipalityId}::uuid, ${importId}::uuid, v.*
    from unnest(
      ${column((r) => r.regionCode)}::text[], ${column((r) => r.regionLabel)}::text[],
      ${column((r) => r.regionMunicipalityId)}::uuid[], ${column((r) => r.regionNumber)}::text[],
      ${column((r) => r.period)}::text[], ${column((r) => r.category)}::text[],
      ${column((r) => r.categoryLabel)}::text[], ${column((r) => r.content)}::text[],
      ${column((r) => r.contentLabel)}::text[], ${column((r) => r.value)}::float8[],
      ${column((r) => r.status)}::text[]
    ) as v`);
}

/**
 * Imports a file or URL into an indicator by the mapping, in one transaction: the previous import
 * stays as history (marked replaced) and the new one becomes current. Any problem stores nothing.
 */
export async function importIndicatorData({
  ctx,
  input,
  limits,
}: {
  ctx: ServiceContext;
  input: ImportInput & { mapping: ImportMapping };
  limits?: FetchLimits;
}) {
  const { tenant, indicator } = await loadForImport(ctx, input);
  const table = await readSource(input.source, limits);
  const result = mapTable(table, input.mapping, await knownMunicipalities(ctx.db));
  if (result.problems.length > 0)
    throw new AppError(
      "validation",
      "indicator.importNotSaved",
      { problems: result.problems.join(" ") },
      result.problems.map((message) => ({ path: "/mapping", message })),
    );
  return ctx.db.transaction((tx) =>
    storeIndicatorImport(tx, ctx, {
      tenantId: tenant.id,
      indicator,
      table,
      result,
      mapping: input.mapping,
      mode: input.mode ?? "replace",
      source: input.source,
    }),
  );
}

/**
 * Stores a mapped table as the indicator's current import, inside the caller's transaction: the
 * previous import stays as history (marked replaced, so it can be restored), a merge keeps the
 * current rows of periods the table lacks, and the audit entry says what came in.
 */
export async function storeIndicatorImport(
  tx: DbOrTx,
  ctx: ServiceContext,
  input: {
    tenantId: string;
    indicator: typeof indicators.$inferSelect;
    table: StatTable;
    result: MappingResult;
    mapping: ImportMapping;
    mode: ReimportMode;
    source: ImportSource;
  },
) {
  const { indicator, table, result, mode } = input;
  // Lock the indicator so two imports at once cannot both become current.
  await tx
    .select({ id: indicators.id })
    .from(indicators)
    .where(eq(indicators.id, indicator.id))
    .for("update");
  const rows =
    mode === "merge" ? mergeByPeriod(await currentSeriesRows(tx, indicator.id), result.rows) : result.rows;
  const now = new Date();
  const replaced = await tx
    .update(indicatorImports)
    .set({ replacedAt: now })
    .where(and(eq(indicatorImports.indicatorId, indicator.id), isNull(indicatorImports.replacedAt)))
    .returning({ id: indicatorImports.id });
  const [batch] = await tx
    .insert(indicatorImports)
    .values({
      municipalityId: input.tenantId,
      indicatorId: indicator.id,
      format: table.format,
      datasetLabel: table.label,
      datasetId: table.id,
      sourceUrl: input.source.kind === "url" ? input.source.url : null,
      fileName: input.source.kind === "file" ? input.source.fileName : null,
      mapping: { ...input.mapping, mode },
      unit: result.unit,
      decimals: result.decimals,
      updated: table.updated,
      valueCount: rows.length,
      importedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      importedAt: now,
    })
    .returning();
  if (!batch) throw new Error("import not inserted");
  for (let i = 0; i < rows.length; i += insertBatch) {
    await insertValues(tx, input.tenantId, batch.id, rows.slice(i, i + insertBatch));
  }
  // The file's unit and decimals fill what the planner has not set.
  if (
    (!indicator.unit && result.unit) ||
    (result.decimals !== null && indicator.decimals !== result.decimals && !indicator.unit)
  ) {
    await tx
      .update(indicators)
      .set({
        unit: indicator.unit || result.unit,
        decimals: result.decimals ?? indicator.decimals,
        version: indicator.version + 1,
        updatedAt: now,
      })
      .where(eq(indicators.id, indicator.id));
  }
  await recordAudit(
    tx,
    ctx.actor,
    {
      municipalityId: input.tenantId,
      objectType: "indicator",
      objectId: indicator.id,
      objectLabel: indicator.name,
      action: "import",
      changes: {
        import: {
          before: replaced[0]?.id ?? null,
          after: `${batch.id}: ${rows.length} verdier fra ${table.label || input.source.kind}${mode === "merge" ? " (flettet per periode)" : ""}`,
        },
      },
    },
    ctx.requestId,
  );
  return {
    importId: batch.id,
    valueCount: rows.length,
    missingCount: rows.filter((r) => r.value === null).length,
    replacedImportId: replaced[0]?.id ?? null,
  };
}
