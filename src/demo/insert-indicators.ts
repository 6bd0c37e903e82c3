import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  focusAreas,
  goals,
  indicatorFocusAreas,
  indicatorGoals,
  indicatorImports,
  indicators,
  indicatorTargets,
} from "../db/schema/index.ts";
import { readJsonStat } from "../domain/statistics/jsonstat.ts";
import { type ImportMapping, mapTable, suggestMapping } from "../domain/statistics/mapping.ts";
import { insertValues, knownMunicipalities } from "../services/indicators/import-indicator-data.ts";
import { type DemoSeries, demoIndicators, regionCodes, years } from "./data/indicators.ts";

/** A JSON-stat 2.0 dataset of region × time (× category) with values from `value`. */
function dataset({ label, unit, decimals, categories, value }: DemoSeries) {
  const ids = categories ? ["Region", "Kategori", "ContentsCode", "Tid"] : ["Region", "ContentsCode", "Tid"];
  const cats = categories ?? [["", ""]];
  const values: (number | null)[] = [];
  regionCodes.forEach((_, r) => {
    cats.forEach((_c, c) => {
      years.forEach((_y, y) => {
        values.push(value(r, y, c));
      });
    });
  });
  const dimension: Record<string, unknown> = {
    Region: {
      label: "region",
      category: {
        index: regionCodes.map(([code]) => code),
        label: Object.fromEntries(regionCodes),
      },
    },
    ContentsCode: {
      label: "statistikkvariabel",
      category: { index: ["Verdi"], label: { Verdi: label }, unit: { Verdi: { label: unit, decimals } } },
    },
    Tid: { label: "år", category: { index: years } },
  };
  if (categories)
    dimension.Kategori = {
      label: "næring (SN2007)",
      category: { index: categories.map(([code]) => code), label: Object.fromEntries(categories) },
    };
  return {
    version: "2.0",
    class: "dataset",
    label: `${label} (eksempeltall)`,
    source: "Eksempeltall – ikke offisiell statistikk",
    id: ids,
    size: ids.map((id) =>
      id === "Region"
        ? regionCodes.length
        : id === "Tid"
          ? years.length
          : id === "Kategori"
            ? cats.length
            : 1,
    ),
    role: { geo: ["Region"], time: ["Tid"], metric: ["ContentsCode"] },
    dimension,
    value: values,
  };
}

/** Writes the demo indicators (src/demo/data/indicators.ts) with goals, focus areas, targets and values. */
export async function insertIndicatorDemo(tx: DbOrTx, municipalityId: string): Promise<void> {
  const goalRows = await tx
    .select()
    .from(goals)
    .where(eq(goals.municipalityId, municipalityId))
    .orderBy(asc(goals.position));
  const focusRows = await tx
    .select()
    .from(focusAreas)
    .where(eq(focusAreas.municipalityId, municipalityId))
    .orderBy(asc(focusAreas.position));
  const known = await knownMunicipalities(tx);
  for (const spec of demoIndicators) {
    const [indicator] = await tx
      .insert(indicators)
      .values({
        municipalityId,
        name: spec.name,
        description: spec.description,
        unit: spec.unit,
        decimals: spec.decimals,
        direction: spec.direction,
        chartKind: spec.chartKind,
        sourceName: "Eksempeltall (Planverk-demo)",
        licence: "CC BY 4.0",
        creditLine: "Eksempeltall – ikke offisiell statistikk",
        isExample: true,
        published: true,
      })
      .returning();
    if (!indicator) throw new Error("demo indicator not inserted");
    const goal = goalRows[spec.goal];
    if (goal)
      await tx.insert(indicatorGoals).values({ municipalityId, indicatorId: indicator.id, goalId: goal.id });
    const links = spec.focusAreas.map((i) => focusRows[i]).filter((f) => f !== undefined);
    if (links.length)
      await tx
        .insert(indicatorFocusAreas)
        .values(links.map((f) => ({ municipalityId, indicatorId: indicator.id, focusAreaId: f.id })));
    await tx
      .insert(indicatorTargets)
      .values(
        spec.targets.map(([year, value]) => ({ municipalityId, indicatorId: indicator.id, year, value })),
      );
    const table = readJsonStat(dataset(spec.series));
    const mapping: ImportMapping = suggestMapping(table);
    const result = mapTable(table, mapping, known);
    if (result.problems.length) throw new Error(`demo indicator ${spec.name}: ${result.problems.join(" ")}`);
    const [batch] = await tx
      .insert(indicatorImports)
      .values({
        municipalityId,
        indicatorId: indicator.id,
        format: "json-stat",
        datasetLabel: table.label,
        mapping,
        unit: result.unit,
        decimals: result.decimals,
        valueCount: result.rows.length,
      })
      .returning();
    if (!batch) throw new Error("demo import not inserted");
    await insertValues(tx, municipalityId, batch.id, result.rows);
  }
}
