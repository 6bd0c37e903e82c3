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
import { sn2007Sections } from "../domain/sn2007.ts";
import { type ImportMapping, mapTable, readJsonStat, suggestMapping } from "../domain/statistics-table.ts";
import { insertValues, knownMunicipalities } from "../services/indicators/import-indicator-data.ts";

/**
 * Demo indicators of the knowledge base, wired to the demo plan's goals and focus areas. Their
 * numbers are invented (flag `is_example`; every screen says «Eksempeltall – ikke offisiell
 * statistikk»), built as JSON-stat 2.0 and read through the same mapping as a real import.
 */
const regionCodes: [string, string][] = [
  ["3301", "Drammen"],
  ["3312", "Lier"],
  ["3314", "Øvre Eiker"],
  ["3903", "Holmestrand"],
  ["3303", "Kongsberg"],
  ["3203", "Asker"],
  ["0", "Hele landet"],
];
const years = ["2019", "2020", "2021", "2022", "2023", "2024"];

/** A JSON-stat 2.0 dataset of region × time (× category) with values from `value`. */
function dataset(
  label: string,
  unit: string,
  decimals: number,
  categories: [string, string][] | null,
  value: (region: number, year: number, category: number) => number | null,
) {
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

// A small deterministic wobble, so the example lines do not look ruled.
const wobble = (a: number, b: number) => ((a * 7919 + b * 104_729) % 17) / 17 - 0.5;
const population = [103_000, 27_000, 20_000, 11_500, 28_000, 98_000, 5_500_000];

const specs = [
  {
    name: "Sysselsatte etter næring",
    description: "Sysselsatte personer med arbeidssted i kommunen, etter næring (SN2007). Eksempeltall.",
    unit: "personer",
    decimals: 0,
    direction: "higher_is_better" as const,
    chartKind: "industry_structure" as const,
    goal: 0,
    focusAreas: [0, 2],
    targets: [
      [2024, 52_000],
      [2027, 55_000],
    ] as [number, number][],
    data: () => {
      const sections = sn2007Sections.filter((s) => !["T", "U"].includes(s.code));
      const weight = sections.map((_, i) => 1 + ((i * 37) % 11));
      const total = weight.reduce((a, b) => a + b, 0);
      return dataset(
        "Sysselsatte personer",
        "personer",
        0,
        sections.map((s) => [s.code, s.name]),
        (r, y, c) =>
          Math.round(
            (((population[r] as number) * 0.5 * (weight[c] as number)) / total) *
              (1 + y * 0.008 + wobble(r + c, y) * 0.02),
          ),
      );
    },
  },
  {
    name: "Klimagassutslipp per innbygger",
    description: "Direkte utslipp av klimagasser i kommunen per innbygger. Eksempeltall.",
    unit: "tonn CO₂-ekvivalenter",
    decimals: 1,
    direction: "lower_is_better" as const,
    chartKind: "time_series" as const,
    goal: 1,
    focusAreas: [1],
    targets: [
      [2024, 2.6],
      [2030, 1.5],
    ] as [number, number][],
    data: () =>
      dataset("Utslipp per innbygger", "tonn CO₂-ekvivalenter", 1, null, (r, y) =>
        r === 3 && y === 5 ? null : Math.round((3.4 - r * 0.15 - y * 0.12 + wobble(r, y) * 0.3) * 10) / 10,
      ),
  },
  {
    name: "Nyetableringer",
    description: "Nyetablerte foretak per 100 eksisterende foretak. Eksempeltall.",
    unit: "prosent",
    decimals: 1,
    direction: "higher_is_better" as const,
    chartKind: "time_series" as const,
    goal: 2,
    focusAreas: [0],
    targets: [[2024, 12]] as [number, number][],
    data: () =>
      dataset(
        "Nyetablerte foretak per 100 foretak",
        "prosent",
        1,
        null,
        (r, y) => Math.round((10.5 + (r === 0 ? 1.2 : 0) + y * 0.2 + wobble(r, y) * 1.5) * 10) / 10,
      ),
  },
];

export async function loadIndicatorDemo(tx: DbOrTx, municipalityId: string): Promise<void> {
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
  for (const spec of specs) {
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
    const table = readJsonStat(spec.data());
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
