import * as Plot from "@observablehq/plot";
import { type Bar, type ChartLine, periodPosition } from "../../../web/charts/chart-data.ts";

/**
 * The indicator charts as SVG text, drawn by Observable Plot on the server into a linkedom
 * document (chart-document.ts), so pages carry the chart as plain HTML without any script and the
 * browser never loads Plot or d3. The data builders live in src/web/charts/chart-data.ts, shared
 * with the tables and text summaries beside every chart.
 */

const ownColour = "#0062ba";
const countryColour = "#1e2b3c";
const otherColour = "#8a96a3";
const targetColour = "#c01b1b";

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
