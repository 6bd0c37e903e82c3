import * as Plot from "@observablehq/plot";
import { sn2007SectionOf } from "../../domain/sn2007.ts";
import { periodYear } from "../../domain/statistics/table.ts";

/**
 * The indicator charts as SVG text, drawn by Observable Plot. Pure functions of the data and a DOM
 * `document`: the browser's, or a linkedom document on the server, so public pages can carry the
 * chart as plain HTML without any script. The data builders are shared with the tables and text
 * summaries that go beside every chart.
 */

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

const ownColour = "#0062ba";
const countryColour = "#1e2b3c";
const otherColour = "#8a96a3";
const targetColour = "#c01b1b";

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

/** The SVG element as text, marked as one image with its summary as name. */
function asImage(svg: Element, summary: string): string {
  // Inside an image the parts are not separate objects: their ARIA names would be prohibited.
  for (const part of Array.from(svg.querySelectorAll("[aria-label], [aria-description]"))) {
    part.removeAttribute("aria-label");
    part.removeAttribute("aria-description");
  }
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", summary);
  return svg.outerHTML;
}

const svgOf = (plot: Element) =>
  plot.tagName.toLowerCase() === "svg" ? plot : (plot.querySelector("svg") ?? plot);

export type TimeSeriesOptions = {
  targets: { year: number; value: number }[];
  summary: string;
  yLabel: string;
  targetLabel: string;
  formatNumber: (n: number) => string;
  width?: number;
};

export function timeSeriesChartSvg(
  lines: ChartLine[],
  options: TimeSeriesOptions,
  document: Document,
): string {
  const data = lines.flatMap((l) =>
    l.points
      .filter((p) => p.value !== null)
      .map((p) => ({ ...p, x: periodPosition(p.period), label: l.label, own: l.own, country: l.country })),
  );
  const colour = (d: { own: boolean; country: boolean }) =>
    d.own ? ownColour : d.country ? countryColour : otherColour;
  const last = lines
    .map((l) => data.filter((d) => d.label === l.label).at(-1))
    .filter((d) => d !== undefined);
  const targets = options.targets.map((t) => ({ x: t.year, value: t.value }));
  const plot = Plot.plot({
    document,
    width: options.width ?? 720,
    height: 340,
    marginRight: 130,
    marginLeft: 64,
    style: { fontSize: "13px" },
    x: { label: null, tickFormat: (x: number) => (Number.isInteger(x) ? String(x) : ""), ticks: 8 },
    y: { label: options.yLabel, grid: true, tickFormat: options.formatNumber, zero: false },
    marks: [
      Plot.line(
        data.filter((d) => !d.own && !d.country),
        { x: "x", y: "value", z: "label", stroke: otherColour, strokeWidth: 1.5 },
      ),
      Plot.line(
        data.filter((d) => d.country),
        { x: "x", y: "value", stroke: countryColour, strokeWidth: 2, strokeDasharray: "6,3" },
      ),
      Plot.line(
        data.filter((d) => d.own),
        { x: "x", y: "value", stroke: ownColour, strokeWidth: 3 },
      ),
      Plot.dot(
        data.filter((d) => d.own),
        { x: "x", y: "value", fill: ownColour, r: 3.5 },
      ),
      Plot.text(last, {
        x: "x",
        y: "value",
        text: "label",
        dx: 8,
        textAnchor: "start",
        fill: colour,
      }),
      ...(targets.length > 0
        ? [
            Plot.line(targets, {
              x: "x",
              y: "value",
              stroke: targetColour,
              strokeDasharray: "2,4",
              strokeWidth: 2,
            }),
            Plot.dot(targets, {
              x: "x",
              y: "value",
              stroke: targetColour,
              symbol: "diamond",
              r: 6,
              strokeWidth: 2,
            }),
            Plot.text(targets.slice(-1), {
              x: "x",
              y: "value",
              text: () => options.targetLabel,
              dy: -12,
              fill: targetColour,
            }),
          ]
        : []),
    ],
  });
  return asImage(svgOf(plot as unknown as Element), options.summary);
}

export type BarOptions = {
  summary: string;
  xLabel: string;
  formatNumber: (n: number) => string;
  width?: number;
};

export function comparisonChartSvg(bars: Bar[], options: BarOptions, document: Document): string {
  const data = bars.filter((b) => b.value !== null);
  const plot = Plot.plot({
    document,
    width: options.width ?? 720,
    height: 40 + data.length * 32,
    marginLeft: 140,
    marginRight: 90,
    style: { fontSize: "13px" },
    x: { label: options.xLabel, grid: true, tickFormat: options.formatNumber },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.barX(data, {
        y: "label",
        x: "value",
        fill: (d: Bar) => (d.own ? ownColour : d.country ? countryColour : otherColour),
      }),
      Plot.text(data, {
        y: "label",
        x: "value",
        text: (d: Bar) => options.formatNumber(d.value ?? 0),
        dx: 6,
        textAnchor: "start",
      }),
      Plot.ruleX([0]),
    ],
  });
  return asImage(svgOf(plot as unknown as Element), options.summary);
}

export function industryChartSvg(
  rows: { label: string; share: number | null }[],
  options: BarOptions,
  document: Document,
): string {
  const data = rows.filter((r) => r.share !== null).sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
  const plot = Plot.plot({
    document,
    width: options.width ?? 720,
    height: 40 + data.length * 28,
    marginLeft: 270,
    marginRight: 60,
    style: { fontSize: "13px" },
    x: { label: options.xLabel, grid: true, tickFormat: options.formatNumber },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.barX(data, { y: "label", x: (d: { share: number }) => d.share * 100, fill: ownColour }),
      Plot.text(data, {
        y: "label",
        x: (d: { share: number }) => d.share * 100,
        text: (d: { share: number }) => `${options.formatNumber(d.share * 100)} %`,
        dx: 6,
        textAnchor: "start",
      }),
      Plot.ruleX([0]),
    ],
  });
  return asImage(svgOf(plot as unknown as Element), options.summary);
}
