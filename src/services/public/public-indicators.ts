import type { TrackStatus } from "../../domain/indicator-status.ts";
import { notFound } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { getIndicator, listIndicators } from "../indicators/indicator-read.ts";
import { asPublic, uuidPattern } from "./internal.ts";

export type PublicIndicatorSummary = {
  id: string;
  name: string;
  unit: string;
  decimals: number;
  isExample: boolean;
  goalIds: string[];
  focusAreaIds: string[];
  status: TrackStatus;
};

/** The municipality's published indicators with their goals, focus areas and on-track status. */
export async function listPublicIndicators({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}): Promise<PublicIndicatorSummary[]> {
  const rows = await listIndicators({ ctx: asPublic(ctx), input: { ...input, publishedOnly: true } });
  return rows
    .filter((r) => r.published)
    .map((r) => ({
      id: r.id,
      name: r.name,
      unit: r.unit,
      decimals: r.decimals,
      isExample: r.isExample,
      goalIds: r.goals.map((g) => g.id),
      focusAreaIds: r.focusAreas.map((f) => f.id),
      status: r.status,
    }));
}

/**
 * A published indicator with what its public page shows: series for the municipality, its regions
 * and the country, targets, status, source and licence. Not its import history or file names.
 * Unpublished or unknown: 404.
 */
export async function getPublicIndicator({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; indicatorId: string };
}) {
  if (!uuidPattern.test(input.indicatorId)) throw notFound("indicator");
  const detail = await getIndicator({ ctx: asPublic(ctx), input });
  if (!detail.published) throw notFound("indicator");
  return {
    id: detail.id,
    name: detail.name,
    description: detail.description,
    unit: detail.unit,
    decimals: detail.decimals,
    direction: detail.direction,
    chartKind: detail.chartKind,
    sourceName: detail.sourceName,
    sourceUrl: detail.sourceUrl,
    licence: detail.licence,
    creditLine: detail.creditLine,
    isExample: detail.isExample,
    municipality: detail.municipality,
    goals: detail.goals,
    focusAreas: detail.focusAreas,
    targets: detail.targets.map((t) => ({ year: t.year, value: t.value })),
    status: detail.status,
    series: detail.series,
    comparison: { regions: detail.comparison.regions.map((r) => ({ name: r.name })) },
    updated: detail.currentImport?.updated ?? null,
    datasetLabel: detail.currentImport?.datasetLabel ?? null,
  };
}

export type PublicIndicator = Awaited<ReturnType<typeof getPublicIndicator>>;
