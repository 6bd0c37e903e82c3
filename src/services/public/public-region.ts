import { AppError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import type { SeriesPoint } from "../indicators/indicator-read.ts";
import { getRegionOverview } from "../region/get-region-overview.ts";
import { asPublic } from "./internal.ts";
import { listPublicPlans } from "./list-public-plans.ts";
import { getPublicIndicator, listPublicIndicators } from "./public-indicators.ts";

/** One published indicator of a member, with the figures of every member of the region and the country. */
export type PublicRegionIndicator = {
  id: string;
  name: string;
  description: string;
  unit: string;
  decimals: number;
  chartKind: "time_series" | "industry_structure";
  isExample: boolean;
  /** The member that publishes it (its page is the indicator's public page). */
  owner: { number: string; name: string };
  sourceName: string;
  sourceUrl: string | null;
  licence: string;
  creditLine: string;
  datasetLabel: string | null;
  series: SeriesPoint[];
};

export type PublicRegion = Awaited<ReturnType<typeof getPublicRegion>>;

/**
 * The region in public: each member's measures of the year's adopted action plans, the shared
 * measures with their split, municipal money per year, and the published indicators compared
 * across the members. Read as an anonymous visitor (the regional overview's own rules: published
 * plans, adopted versions only); nothing internal (ids, coordinators, invitations).
 */
export async function getPublicRegion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { slug: string; year?: number };
}) {
  const anonymousCtx = asPublic(ctx);
  // The years any member has an adopted action plan for, to choose between.
  const first = await getRegionOverview({ ctx: anonymousCtx, input: { slug: input.slug } });
  const active = first.municipalities.filter((m) => m.active);
  const plansByMember = await Promise.all(
    active.map((m) =>
      listPublicPlans({ ctx: anonymousCtx, input: { municipalityNumber: m.number } }).catch(notFoundAsNull),
    ),
  );
  const adoptedYears = [
    ...new Set(
      plansByMember.flatMap((p) => p?.plans.flatMap((plan) => plan.versions) ?? []).map((v) => v.budgetYear),
    ),
  ].sort((a, b) => a - b);
  if (input.year !== undefined && !adoptedYears.includes(input.year))
    throw new AppError("not_found", "notFound.page");
  const overview =
    input.year === undefined || input.year === first.year
      ? first
      : await getRegionOverview({ ctx: anonymousCtx, input: { slug: input.slug, year: input.year } });

  const memberNumbers = new Set(first.municipalities.map((m) => m.number));
  const indicators: PublicRegionIndicator[] = [];
  const seen = new Set<string>();
  for (const member of active) {
    const list = await listPublicIndicators({
      ctx: anonymousCtx,
      input: { municipalityNumber: member.number },
    }).catch(notFoundAsNull);
    for (const summary of list ?? []) {
      // The same statistic published by two members is compared once.
      const key = `${summary.name.toLocaleLowerCase("nb")}|${summary.unit}`;
      if (seen.has(key)) continue;
      const detail = await getPublicIndicator({
        ctx: anonymousCtx,
        input: { municipalityNumber: member.number, indicatorId: summary.id },
      });
      const series = detail.series.filter((p) => memberNumbers.has(p.regionNumber) || p.regionNumber === "0");
      if (!series.some((p) => p.regionNumber !== member.number && p.regionNumber !== "0")) continue;
      seen.add(key);
      indicators.push({
        id: detail.id,
        name: detail.name,
        description: detail.description,
        unit: detail.unit,
        decimals: detail.decimals,
        chartKind: detail.chartKind,
        isExample: detail.isExample,
        owner: detail.municipality,
        sourceName: detail.sourceName,
        sourceUrl: detail.sourceUrl,
        licence: detail.licence,
        creditLine: detail.creditLine,
        datasetLabel: detail.datasetLabel,
        series,
      });
    }
  }

  return {
    region: overview.region,
    year: overview.year,
    years: overview.years,
    adoptedYears,
    municipalities: overview.municipalities.map((m) => {
      const plans = plansByMember[active.findIndex((a) => a.number === m.number)]?.plans ?? [];
      return {
        number: m.number,
        name: m.name,
        active: m.active,
        // Its published plans' adopted action plan of the year (the newest revision).
        actionPlans: plans.flatMap((plan) => {
          const version = plan.versions.find((v) => v.budgetYear === overview.year);
          return version
            ? [
                {
                  planId: plan.id,
                  planTitle: plan.title,
                  budgetYear: version.budgetYear,
                  revision: version.revision,
                },
              ]
            : [];
        }),
        measureCount: m.measureCount,
        budgetByYear: m.budgetByYear,
        focusAreas: m.focusAreas,
      };
    }),
    totalByYear: overview.totalByYear,
    sharedMeasures: overview.sharedMeasures.map((s) => ({
      reference: s.reference,
      title: s.title,
      status: s.status,
      owner: s.owner,
      years: s.years,
      parties: s.parties
        .filter((p) => p.role !== "invited")
        .map(({ number, name, role, percent, byYear }) => ({ number, name, role, percent, byYear })),
      totalByYear: s.totalByYear,
    })),
    indicators,
  };
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof AppError && error.code === "not_found") return null;
  throw error;
}
