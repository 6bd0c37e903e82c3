import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  focusAreas,
  goals,
  indicatorFocusAreas,
  indicatorGoals,
  indicatorImports,
  indicators,
  indicatorTargets,
  indicatorValues,
  municipalities,
  regionMunicipalities,
  regions,
} from "../../db/schema/index.ts";
import { type TrackStatus, trackStatus } from "../../domain/indicator-status.ts";
import { allowedActions, can } from "../../domain/permissions.ts";
import { notFound } from "../../errors.ts";
import type { MessageRef } from "../../i18n/server-messages/index.ts";
import { resolveTenant, type Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { indicatorById } from "./internal.ts";

export type IndicatorRow = typeof indicators.$inferSelect;
export type SeriesPoint = {
  regionNumber: string;
  regionLabel: string;
  period: string;
  category: string;
  categoryLabel: string;
  content: string;
  contentLabel: string;
  value: number | null;
  status: string | null;
};

/** The columns of a series point, as read from the stored values. */
const seriesColumns = {
  regionNumber: indicatorValues.regionNumber,
  regionLabel: indicatorValues.regionLabel,
  period: indicatorValues.period,
  category: indicatorValues.category,
  categoryLabel: indicatorValues.categoryLabel,
  content: indicatorValues.content,
  contentLabel: indicatorValues.contentLabel,
  value: indicatorValues.value,
  status: indicatorValues.status,
};

/** The regions the municipality belongs to, with their members' numbers and names. */
export async function comparisonRegions(db: DbOrTx, municipalityId: string) {
  const own = db
    .select({ regionId: regionMunicipalities.regionId })
    .from(regionMunicipalities)
    .where(eq(regionMunicipalities.municipalityId, municipalityId));
  const rows = await db
    .select({
      regionId: regions.id,
      regionName: regions.name,
      number: municipalities.number,
      name: municipalities.name,
    })
    .from(regionMunicipalities)
    .innerJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .innerJoin(municipalities, eq(municipalities.id, regionMunicipalities.municipalityId))
    .where(inArray(regionMunicipalities.regionId, own))
    .orderBy(asc(regions.name), asc(municipalities.number));
  const byRegion = new Map<
    string,
    { id: string; name: string; members: { number: string; name: string }[] }
  >();
  for (const row of rows) {
    const region = byRegion.get(row.regionId) ?? { id: row.regionId, name: row.regionName, members: [] };
    region.members.push({ number: row.number, name: row.name });
    byRegion.set(row.regionId, region);
  }
  return [...byRegion.values()];
}

/** The indicator, in the tenant, or 404; `read` is checked against the permission table. */
export async function loadIndicator(ctx: ServiceContext, tenant: Tenant, id: string, db: DbOrTx = ctx.db) {
  const indicator = await indicatorById(db, tenant, id);
  if (!can(tenant.subject, "read", "indicator", { published: indicator.published }))
    throw notFound("indicator");
  return indicator;
}

async function currentImports(db: DbOrTx, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(indicatorImports)
    .where(and(inArray(indicatorImports.indicatorId, indicatorIds), isNull(indicatorImports.replacedAt)));
}

/**
 * The municipality's own series, which its status follows: its values in the current import, of
 * the first category; for an industry structure, the sum of the categories per period.
 */
function ownSeries(points: SeriesPoint[], municipalityNumber: string, chartKind: IndicatorRow["chartKind"]) {
  const own = points.filter((p) => p.regionNumber === municipalityNumber);
  if (chartKind === "industry_structure") {
    const sums = new Map<string, number | null>();
    for (const p of own) {
      const sum = sums.get(p.period) ?? null;
      sums.set(p.period, p.value === null ? sum : (sum ?? 0) + p.value);
    }
    return [...sums].map(([period, value]) => ({ period, value }));
  }
  const category = own[0]?.category ?? "";
  return own.filter((p) => p.category === category);
}

/**
 * The knowledge base of a municipality: its indicators (published ones only for the public, or when
 * `publishedOnly`), each with its goals, focus areas and on-track status. For the app, public pages
 * and open data.
 */
export async function listIndicators({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; publishedOnly?: boolean };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const onlyPublished = input.publishedOnly === true || !can(tenant.subject, "read", "indicator", {});
  const rows = await ctx.db
    .select()
    .from(indicators)
    .where(
      and(
        eq(indicators.municipalityId, tenant.id),
        onlyPublished ? eq(indicators.published, true) : undefined,
      ),
    )
    .orderBy(asc(indicators.name));
  const ids = rows.map((r) => r.id);
  const [goalLinks, focusLinks, targets, imports] = await Promise.all([
    ids.length
      ? ctx.db
          .select({ indicatorId: indicatorGoals.indicatorId, goalId: goals.id, title: goals.title })
          .from(indicatorGoals)
          .innerJoin(goals, eq(goals.id, indicatorGoals.goalId))
          .where(inArray(indicatorGoals.indicatorId, ids))
          .orderBy(asc(goals.position))
      : [],
    ids.length
      ? ctx.db
          .select({
            indicatorId: indicatorFocusAreas.indicatorId,
            focusAreaId: focusAreas.id,
            title: focusAreas.title,
          })
          .from(indicatorFocusAreas)
          .innerJoin(focusAreas, eq(focusAreas.id, indicatorFocusAreas.focusAreaId))
          .where(inArray(indicatorFocusAreas.indicatorId, ids))
          .orderBy(asc(focusAreas.position))
      : [],
    ids.length
      ? ctx.db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids))
      : [],
    currentImports(ctx.db, ids),
  ]);
  const importIds = imports.map((i) => i.id);
  const ownValues = importIds.length
    ? await ctx.db
        .select({ importId: indicatorValues.importId, ...seriesColumns })
        .from(indicatorValues)
        .where(
          and(inArray(indicatorValues.importId, importIds), eq(indicatorValues.regionNumber, tenant.number)),
        )
        .orderBy(asc(indicatorValues.id))
    : [];
  return rows.map((indicator) => {
    const current = imports.find((i) => i.indicatorId === indicator.id);
    const series = ownSeries(
      ownValues.filter((v) => v.importId === current?.id),
      tenant.number,
      indicator.chartKind,
    );
    return {
      ...summary(indicator),
      goals: goalLinks
        .filter((g) => g.indicatorId === indicator.id)
        .map((g) => ({ id: g.goalId, title: g.title })),
      focusAreas: focusLinks
        .filter((f) => f.indicatorId === indicator.id)
        .map((f) => ({ id: f.focusAreaId, title: f.title })),
      status: trackStatus(
        indicator.direction,
        series,
        targets.filter((t) => t.indicatorId === indicator.id),
      ),
    };
  });
}

function summary(indicator: IndicatorRow) {
  return {
    id: indicator.id,
    name: indicator.name,
    description: indicator.description,
    unit: indicator.unit,
    decimals: indicator.decimals,
    direction: indicator.direction,
    chartKind: indicator.chartKind,
    sourceName: indicator.sourceName,
    sourceUrl: indicator.sourceUrl,
    licence: indicator.licence,
    creditLine: indicator.creditLine,
    isExample: indicator.isExample,
    published: indicator.published,
    version: indicator.version,
  };
}

export type IndicatorDetail = Awaited<ReturnType<typeof getIndicator>>;

/**
 * One indicator with everything its page shows: targets, the current series for the municipality,
 * the other members of its regions and the whole country, the on-track status, and the import
 * history. For the app, public pages and open data.
 */
export async function getIndicator({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; indicatorId: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const indicator = await loadIndicator(ctx, tenant, input.indicatorId);
  const [goalRows, focusRows, targets, imports, regionList] = await Promise.all([
    ctx.db
      .select({ id: goals.id, title: goals.title })
      .from(indicatorGoals)
      .innerJoin(goals, eq(goals.id, indicatorGoals.goalId))
      .where(eq(indicatorGoals.indicatorId, indicator.id))
      .orderBy(asc(goals.position)),
    ctx.db
      .select({ id: focusAreas.id, title: focusAreas.title })
      .from(indicatorFocusAreas)
      .innerJoin(focusAreas, eq(focusAreas.id, indicatorFocusAreas.focusAreaId))
      .where(eq(indicatorFocusAreas.indicatorId, indicator.id))
      .orderBy(asc(focusAreas.position)),
    ctx.db
      .select({
        id: indicatorTargets.id,
        year: indicatorTargets.year,
        value: indicatorTargets.value,
        version: indicatorTargets.version,
      })
      .from(indicatorTargets)
      .where(eq(indicatorTargets.indicatorId, indicator.id))
      .orderBy(asc(indicatorTargets.year)),
    ctx.db
      .select({
        id: indicatorImports.id,
        format: indicatorImports.format,
        datasetLabel: indicatorImports.datasetLabel,
        datasetId: indicatorImports.datasetId,
        sourceUrl: indicatorImports.sourceUrl,
        fileName: indicatorImports.fileName,
        unit: indicatorImports.unit,
        decimals: indicatorImports.decimals,
        updated: indicatorImports.updated,
        valueCount: indicatorImports.valueCount,
        importedAt: indicatorImports.importedAt,
        replacedAt: indicatorImports.replacedAt,
      })
      .from(indicatorImports)
      .where(eq(indicatorImports.indicatorId, indicator.id))
      .orderBy(desc(indicatorImports.importedAt)),
    comparisonRegions(ctx.db, tenant.id),
  ]);
  const current = imports.find((i) => i.replacedAt === null) ?? null;
  const numbers = [
    ...new Set([tenant.number, "0", ...regionList.flatMap((r) => r.members.map((m) => m.number))]),
  ];
  const series: SeriesPoint[] = current
    ? await ctx.db
        .select(seriesColumns)
        .from(indicatorValues)
        .where(and(eq(indicatorValues.importId, current.id), inArray(indicatorValues.regionNumber, numbers)))
        .orderBy(asc(indicatorValues.id))
    : [];
  const status: TrackStatus = trackStatus(
    indicator.direction,
    ownSeries(series, tenant.number, indicator.chartKind),
    targets,
  );
  return {
    ...summary(indicator),
    municipality: { number: tenant.number, name: tenant.name },
    goals: goalRows,
    focusAreas: focusRows,
    targets,
    status,
    series,
    comparison: {
      regions: regionList,
      /** With no region, the municipality is compared with the whole country only. */
      numbers,
    },
    currentImport: current ? { ...current, importedAt: current.importedAt.toISOString() } : null,
    history: imports
      .filter((i) => i.replacedAt !== null)
      .map((i) => ({
        ...i,
        importedAt: i.importedAt.toISOString(),
        replacedAt: i.replacedAt?.toISOString() ?? null,
      })),
    refresh: refreshState(indicator),
    allowedActions: allowedActions(tenant.subject, "indicator", { published: indicator.published }),
  };
}

/** The refresh schedule and the last scheduled fetch: when, whether it succeeded, what it changed, or why not. */
function refreshState(indicator: IndicatorRow) {
  let error: MessageRef | null = null;
  if (indicator.lastFetchOk === false) {
    try {
      error = JSON.parse(indicator.lastFetchError ?? "") as MessageRef;
    } catch {
      error = { key: "indicator.refreshFailed" };
    }
  }
  return {
    schedule: indicator.refreshSchedule,
    lastFetchedAt: indicator.lastFetchedAt?.toISOString() ?? null,
    ok: indicator.lastFetchOk,
    summary: indicator.lastFetchOk ? indicator.lastFetchSummary : null,
    error,
  };
}
