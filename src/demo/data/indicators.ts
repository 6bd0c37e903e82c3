import type { IndicatorChartKind, IndicatorDirection } from "../../domain/indicators.ts";
import { sn2007Sections } from "../../domain/sn2007.ts";

/**
 * Demo indicators of the knowledge base, wired to the demo plan's goals and focus areas. Their
 * numbers are invented (flag `is_example`; every screen says «Eksempeltall – ikke offisiell
 * statistikk»); insert-indicators.ts builds them as JSON-stat 2.0 and reads them through the same
 * mapping as a real import.
 */
export const regionCodes: [string, string][] = [
  ["3301", "Drammen"],
  ["3312", "Lier"],
  ["3314", "Øvre Eiker"],
  ["3903", "Holmestrand"],
  ["3303", "Kongsberg"],
  ["3203", "Asker"],
  ["0", "Hele landet"],
];
export const years = ["2019", "2020", "2021", "2022", "2023", "2024"];

/** One indicator's numbers: region × year (× category), by index into the lists above. */
export type DemoSeries = {
  label: string;
  unit: string;
  decimals: number;
  categories: [string, string][] | null;
  value: (region: number, year: number, category: number) => number | null;
};

export type DemoIndicator = {
  name: string;
  description: string;
  unit: string;
  decimals: number;
  direction: IndicatorDirection;
  chartKind: IndicatorChartKind;
  /** Index of the plan's goal, and of its focus areas, the indicator is linked to. */
  goal: number;
  focusAreas: number[];
  targets: [number, number][];
  series: DemoSeries;
};

// A small deterministic wobble, so the example lines do not look ruled.
const wobble = (a: number, b: number) => ((a * 7919 + b * 104_729) % 17) / 17 - 0.5;
const population = [103_000, 27_000, 20_000, 11_500, 28_000, 98_000, 5_500_000];
const sections = sn2007Sections.filter((s) => !["T", "U"].includes(s.code));
const weight = sections.map((_, i) => 1 + ((i * 37) % 11));
const totalWeight = weight.reduce((a, b) => a + b, 0);

export const demoIndicators: DemoIndicator[] = [
  {
    name: "Sysselsatte etter næring",
    description: "Sysselsatte personer med arbeidssted i kommunen, etter næring (SN2007). Eksempeltall.",
    unit: "personer",
    decimals: 0,
    direction: "higher_is_better",
    chartKind: "industry_structure",
    goal: 0,
    focusAreas: [0, 2],
    targets: [
      [2024, 52_000],
      [2027, 55_000],
    ],
    series: {
      label: "Sysselsatte personer",
      unit: "personer",
      decimals: 0,
      categories: sections.map((s) => [s.code, s.name]),
      value: (r, y, c) =>
        Math.round(
          (((population[r] as number) * 0.5 * (weight[c] as number)) / totalWeight) *
            (1 + y * 0.008 + wobble(r + c, y) * 0.02),
        ),
    },
  },
  {
    name: "Klimagassutslipp per innbygger",
    description: "Direkte utslipp av klimagasser i kommunen per innbygger. Eksempeltall.",
    unit: "tonn CO₂-ekvivalenter",
    decimals: 1,
    direction: "lower_is_better",
    chartKind: "time_series",
    goal: 1,
    focusAreas: [1],
    targets: [
      [2024, 2.6],
      [2030, 1.5],
    ],
    series: {
      label: "Utslipp per innbygger",
      unit: "tonn CO₂-ekvivalenter",
      decimals: 1,
      categories: null,
      value: (r, y) =>
        r === 3 && y === 5 ? null : Math.round((3.4 - r * 0.15 - y * 0.12 + wobble(r, y) * 0.3) * 10) / 10,
    },
  },
  {
    name: "Nyetableringer",
    description: "Nyetablerte foretak per 100 eksisterende foretak. Eksempeltall.",
    unit: "prosent",
    decimals: 1,
    direction: "higher_is_better",
    chartKind: "time_series",
    goal: 2,
    focusAreas: [0],
    targets: [[2024, 12]],
    series: {
      label: "Nyetablerte foretak per 100 foretak",
      unit: "prosent",
      decimals: 1,
      categories: null,
      value: (r, y) => Math.round((10.5 + (r === 0 ? 1.2 : 0) + y * 0.2 + wobble(r, y) * 1.5) * 10) / 10,
    },
  },
];
