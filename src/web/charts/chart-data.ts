import { sn2007SectionOf } from "../../domain/sn2007.ts";

/**
 * The data behind the indicator charts: lines, bars and industry shares, pure functions of the
 * series. The server draws the charts from them (src/http/render/charts/indicator-charts.ts); the
 * browser shows the same data as tables and text summaries beside every chart.
 */

/** "2023K2" → 2023: the year a period starts with. */
const periodYear = (period: string): number | null => {
  const match = /^(\d{4})/.exec(period);
  return match ? Number(match[1]) : null;
};

export type SeriesPointInput = {
  regionNumber: string;
  regionLabel: string;
  period: string;
  category: string;
  categoryLabel: string;
  value: number | null;
  status: string | null;
};
export type ChartLine = {
  key: string;
  label: string;
  own: boolean;
  country: boolean;
  points: { period: string; value: number | null; status: string | null }[];
};
export type Bar = { key: string; label: string; value: number | null; own: boolean; country: boolean };

/** "2023" → 2023, "2023K2" → 2023.25, "2023M04" → 2023.25: a position on a time axis. */
export function periodPosition(period: string): number {
  const year = periodYear(period) ?? 0;
  const quarter = /^\d{4}K(\d)$/.exec(period);
  if (quarter) return year + (Number(quarter[1]) - 1) / 4;
  const month = /^\d{4}M(\d{2})$/.exec(period);
  if (month) return year + (Number(month[1]) - 1) / 12;
  return year;
}

const byPeriod = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/**
 * One line per region: the municipality first, the other members of its regions, the country last.
 * A time series follows the municipality's first category; an industry structure sums its
 * categories (the total of the sections) per period.
 */
export function timeSeriesLines(
  points: SeriesPointInput[],
  municipalityNumber: string,
  countryLabel: string,
  sumCategories = false,
): ChartLine[] {
  const category = points.find((p) => p.regionNumber === municipalityNumber)?.category ?? points[0]?.category;
  const lines = new Map<string, ChartLine>();
  for (const p of points) {
    if (!sumCategories && p.category !== category) continue;
    const line = lines.get(p.regionNumber) ?? {
      key: p.regionNumber,
      label: p.regionNumber === "0" ? countryLabel : p.regionLabel,
      own: p.regionNumber === municipalityNumber,
      country: p.regionNumber === "0",
      points: [],
    };
    const existing = sumCategories ? line.points.find((x) => x.period === p.period) : undefined;
    if (existing) {
      if (p.value !== null) existing.value = (existing.value ?? 0) + p.value;
    } else line.points.push({ period: p.period, value: p.value, status: p.status });
    lines.set(p.regionNumber, line);
  }
  const rank = (l: ChartLine) => (l.own ? 0 : l.country ? 2 : 1);
  return [...lines.values()]
    .map((l) => ({ ...l, points: [...l.points].sort((a, b) => byPeriod(a.period, b.period)) }))
    .sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label, "nb"));
}

/**
 * The lines that can share one axis with the municipality's: those whose values stay within a
 * fifth to five times the municipality's. Absolute counts of a town and the whole country cannot
 * (its line would flatten the town's); the bar chart and the table still show them.
 */
export function comparableLines(lines: ChartLine[]): ChartLine[] {
  const values = (l: ChartLine) => l.points.map((p) => p.value).filter((v): v is number => v !== null);
  const own = lines.find((l) => l.own);
  const ownMax = Math.max(...(own ? values(own).map(Math.abs) : []), 0);
  if (!own || ownMax === 0) return lines;
  return lines.filter((l) => {
    if (l.own) return true;
    const max = Math.max(...values(l).map(Math.abs), 0);
    return max <= ownMax * 5 && max >= ownMax / 5;
  });
}

/** The latest period's values of the municipality, the other members of its regions and the country. */
export function comparisonBars(lines: ChartLine[]): { period: string | null; bars: Bar[] } {
  const periods = [
    ...new Set(lines.flatMap((l) => l.points.filter((p) => p.value !== null).map((p) => p.period))),
  ];
  const period = periods.sort(byPeriod).at(-1) ?? null;
  return {
    period,
    bars: lines.map((l) => ({
      key: l.key,
      label: l.label,
      value: l.points.find((p) => p.period === period)?.value ?? null,
      own: l.own,
      country: l.country,
    })),
  };
}

/**
 * The municipality's industry structure in the latest period: each category that is an SN2007
 * section (or divisions within one), with its share of the sum of those sections.
 */
export function industryShares(
  points: SeriesPointInput[],
  municipalityNumber: string,
): {
  period: string | null;
  rows: { code: string; label: string; value: number | null; share: number | null }[];
} {
  const own = points.filter((p) => p.regionNumber === municipalityNumber && sn2007SectionOf(p.category));
  const period =
    [...new Set(own.filter((p) => p.value !== null).map((p) => p.period))].sort(byPeriod).at(-1) ?? null;
  const latest = own.filter((p) => p.period === period);
  const total = latest.reduce((sum, p) => sum + (p.value ?? 0), 0);
  return {
    period,
    rows: latest.map((p) => {
      const section = sn2007SectionOf(p.category);
      return {
        code: section?.code ?? p.category,
        label: section?.shortName ?? p.categoryLabel,
        value: p.value,
        share: p.value === null || total === 0 ? null : p.value / total,
      };
    }),
  };
}
