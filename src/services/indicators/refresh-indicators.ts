import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { indicatorImports, indicators, municipalities } from "../../db/schema/index.ts";
import { type IndicatorRefreshSummary, refreshDue } from "../../domain/indicators.ts";
import { type ImportMapping, mapTable } from "../../domain/statistics/mapping.ts";
import { compareReimport } from "../../domain/statistics/reimport.ts";
import { AppError } from "../../errors.ts";
import type { FetchLimits } from "../../infra/fetch-statistics.ts";
import type { ServiceContext } from "../context.ts";
import {
  currentSeriesRows,
  knownMunicipalities,
  readSource,
  storeIndicatorImport,
} from "./import-indicator-data.ts";

export type RefreshOutcome =
  | { indicatorId: string; ok: true; summary: IndicatorRefreshSummary; importId: string | null }
  | { indicatorId: string; ok: false; error: string };

/**
 * A failure as the indicator page shows it: the `AppError`'s message key and parameters (rendered in
 * the reader's language), else a generic one. Stored as JSON text.
 */
const failureOf = (error: unknown): string =>
  JSON.stringify(
    error instanceof AppError
      ? { key: error.key, params: error.params }
      : { key: "indicator.refreshFailed", params: {} },
  );

/**
 * The scheduled refresh (the `indicator-refresh` job, hourly): every indicator whose planner chose a
 * schedule and whose current import came from an address is fetched again when the schedule says
 * so, through the same guarded fetch and mapping as «import by URL», merged by period into its
 * series. A fetch that changes nothing stores no new import; one that changes something stores it as
 * a new import, the previous one kept as history (restorable). When, whether it succeeded and what
 * changed are kept on the indicator.
 *
 * Once with several instances: each indicator is claimed by moving its `last_fetched_at` from the
 * value read to `now` in one conditional update, so a second run finds it claimed and skips it.
 */
export async function refreshDueIndicators({
  ctx,
  now,
  limits,
}: {
  ctx: ServiceContext;
  now: Date;
  limits?: FetchLimits;
}): Promise<RefreshOutcome[]> {
  const candidates = await ctx.db
    .select({
      id: indicators.id,
      municipalityId: indicators.municipalityId,
      schedule: indicators.refreshSchedule,
      lastFetchedAt: indicators.lastFetchedAt,
    })
    .from(indicators)
    .innerJoin(municipalities, eq(municipalities.id, indicators.municipalityId))
    .innerJoin(
      indicatorImports,
      and(eq(indicatorImports.indicatorId, indicators.id), isNull(indicatorImports.replacedAt)),
    )
    .where(
      and(
        ne(indicators.refreshSchedule, "never"),
        eq(municipalities.active, true),
        isNotNull(indicatorImports.sourceUrl),
      ),
    );
  const outcomes: RefreshOutcome[] = [];
  for (const candidate of candidates) {
    if (!refreshDue(candidate.schedule, candidate.lastFetchedAt, now)) continue;
    const claimed = await ctx.db
      .update(indicators)
      .set({ lastFetchedAt: now })
      .where(
        and(
          eq(indicators.id, candidate.id),
          candidate.lastFetchedAt
            ? eq(indicators.lastFetchedAt, candidate.lastFetchedAt)
            : isNull(indicators.lastFetchedAt),
        ),
      )
      .returning({ id: indicators.id });
    if (claimed.length === 0) continue;
    outcomes.push(await refreshIndicator(ctx, candidate.id, candidate.municipalityId, limits));
  }
  return outcomes;
}

async function refreshIndicator(
  ctx: ServiceContext,
  indicatorId: string,
  municipalityId: string,
  limits: FetchLimits | undefined,
): Promise<RefreshOutcome> {
  try {
    const [current] = await ctx.db
      .select({ sourceUrl: indicatorImports.sourceUrl, mapping: indicatorImports.mapping })
      .from(indicatorImports)
      .where(and(eq(indicatorImports.indicatorId, indicatorId), isNull(indicatorImports.replacedAt)));
    if (!current?.sourceUrl) throw new AppError("validation", "indicator.refreshNoAddress");
    const { mode: _mode, ...mapping } = current.mapping as ImportMapping & { mode?: string };
    const source = { kind: "url" as const, url: current.sourceUrl };
    const table = await readSource(source, limits);
    const result = mapTable(table, mapping, await knownMunicipalities(ctx.db));
    if (result.problems.length > 0) throw new AppError("validation", "indicator.refreshMappingFailed");
    return await ctx.db.transaction(async (tx) => {
      const [indicator] = await tx
        .select()
        .from(indicators)
        .where(eq(indicators.id, indicatorId))
        .for("update");
      if (!indicator) throw new AppError("not_found", "indicator.refreshNoAddress");
      const diff = compareReimport(await currentSeriesRows(tx, indicatorId), result.rows, "merge");
      const summary = { added: diff.added, changed: diff.changed, removed: diff.removed };
      const changed = summary.added + summary.changed + summary.removed > 0;
      const stored = changed
        ? await storeIndicatorImport(tx, ctx, {
            tenantId: municipalityId,
            indicator,
            table,
            result,
            mapping,
            mode: "merge",
            source,
          })
        : null;
      await tx
        .update(indicators)
        .set({ lastFetchOk: true, lastFetchSummary: summary, lastFetchError: null })
        .where(eq(indicators.id, indicatorId));
      return { indicatorId, ok: true as const, summary, importId: stored?.importId ?? null };
    });
  } catch (error) {
    const failure = failureOf(error);
    await ctx.db
      .update(indicators)
      .set({ lastFetchOk: false, lastFetchSummary: null, lastFetchError: failure })
      .where(eq(indicators.id, indicatorId));
    return { indicatorId, ok: false, error: failure };
  }
}

/** The refresh columns as the indicator page shows them. */
export const refreshColumns = {
  refreshSchedule: indicators.refreshSchedule,
  lastFetchedAt: indicators.lastFetchedAt,
  lastFetchOk: indicators.lastFetchOk,
  lastFetchSummary: indicators.lastFetchSummary,
  lastFetchError: indicators.lastFetchError,
};
