import type { IndicatorMessageKey } from "../i18n/indicator-messages.ts";
import {
  type Bar,
  type ChartLine,
  comparableLines,
  comparisonBars,
  industryShares,
  type SeriesPointInput,
  timeSeriesLines,
} from "./chart-data.ts";

/** What the charts need of an indicator; the indicator API's detail answer has it all. */
export type ChartableIndicator = {
  name: string;
  unit: string;
  decimals: number;
  chartKind: "time_series" | "industry_structure";
  creditLine: string;
  licence: string;
  isExample: boolean;
  municipality: { number: string; name: string };
  targets: { year: number; value: number }[];
  series: SeriesPointInput[];
  comparison: { regions: { name: string }[] };
  /** The charts as SVG, drawn on the server in the request's language. */
  charts?: Partial<Record<FigureKind, string>>;
};

export type FigureKind = "industry" | "time" | "comparison";
export type Translate = (key: IndicatorMessageKey, params?: Record<string, string | number>) => string;
export type IndustryRow = { code: string; label: string; value: number | null; share: number | null };

/** One chart of an indicator: what it shows, in words and as data for its table and its SVG. */
export type Figure =
  | { kind: "industry"; heading: string; summary: string; rows: IndustryRow[] }
  | {
      kind: "time";
      heading: string;
      summary: string;
      note: string;
      lines: ChartLine[];
      drawn: ChartLine[];
      periods: string[];
    }
  | { kind: "comparison"; heading: string; summary: string; bars: Bar[] };

/**
 * The figures of an indicator with their headings and text summaries, in one language. Pure, so
 * the server draws the same charts (src/http/render/charts/) that the browser describes.
 */
export function indicatorFigures(
  indicator: ChartableIndicator,
  m: Translate,
  num: (value: number, decimals: number) => string,
): Figure[] {
  const format = (n: number) => num(n, indicator.decimals);
  const figures: Figure[] = [];
  const lines = timeSeriesLines(
    indicator.series,
    indicator.municipality.number,
    m("chart.country"),
    indicator.chartKind === "industry_structure",
  );

  if (indicator.chartKind === "industry_structure") {
    const industry = industryShares(indicator.series, indicator.municipality.number);
    if (industry.period) {
      const values = industry.rows
        .filter((r) => r.share !== null)
        .sort((a, b) => (b.share ?? 0) - (a.share ?? 0))
        .map((r) => `${r.label} ${num((r.share ?? 0) * 100, 1)} %`)
        .join(", ");
      figures.push({
        kind: "industry",
        heading: m("chart.industryHeading", { period: industry.period }),
        summary: m("chart.industrySummary", {
          municipality: indicator.municipality.name,
          period: industry.period,
          values,
        }),
        rows: industry.rows,
      });
    }
  }

  if (lines.length > 0) {
    const own = lines.find((l) => l.own);
    const ownPoints = own?.points.filter((p) => p.value !== null) ?? [];
    const periods = [...new Set(lines.flatMap((l) => l.points.map((p) => p.period)))].sort((a, b) =>
      a.localeCompare(b, "en", { numeric: true }),
    );
    const lastTarget = indicator.targets.at(-1);
    const name = indicator.name + (indicator.unit ? ` (${indicator.unit})` : "");
    figures.push({
      kind: "time",
      heading: m("chart.timeHeading"),
      summary: m("chart.timeSummary", {
        name,
        periods: `${periods[0]}–${periods.at(-1)}`,
        own: own?.label ?? indicator.municipality.name,
        first: ownPoints[0] ? `${format(ownPoints[0].value ?? 0)} (${ownPoints[0].period})` : "–",
        last: ownPoints.at(-1)
          ? `${format(ownPoints.at(-1)?.value ?? 0)} (${ownPoints.at(-1)?.period})`
          : "–",
        target: lastTarget
          ? m("chart.timeSummaryTarget", { target: format(lastTarget.value), year: lastTarget.year })
          : "",
        others:
          lines
            .filter((l) => !l.own)
            .map((l) => l.label)
            .join(", ") || "–",
      }),
      note:
        indicator.comparison.regions.length === 0
          ? m("chart.noRegion")
          : m("chart.regionNote", { regions: indicator.comparison.regions.map((r) => r.name).join(", ") }),
      lines,
      drawn: comparableLines(lines),
      periods,
    });
    const comparison = comparisonBars(lines);
    if (comparison.period && lines.length > 1) {
      const values = comparison.bars
        .map((b) => `${b.label} ${b.value === null ? m("chart.missing") : format(b.value)}`)
        .join(", ");
      figures.push({
        kind: "comparison",
        heading: m("chart.compareHeading", { period: comparison.period }),
        summary: m("chart.compareSummary", { name, period: comparison.period, values }),
        bars: comparison.bars,
      });
    }
  }
  return figures;
}
