import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import {
  comparableLines,
  comparisonBars,
  industryShares,
  periodPosition,
  timeSeriesLines,
} from "../../../web/charts/chart-data.ts";
import { comparisonChartSvg, industryChartSvg, timeSeriesChartSvg } from "./indicator-charts.ts";

const point = (regionNumber: string, period: string, value: number | null, category = "") => ({
  regionNumber,
  regionLabel: { "3301": "Drammen", "3312": "Lier", "0": "Hele landet" }[regionNumber] ?? regionNumber,
  period,
  category,
  categoryLabel: category,
  value,
  status: value === null ? ".." : null,
});
const serverDocument = () =>
  parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;

describe("indicator charts", () => {
  const points = [
    point("0", "2023", 11.4),
    point("3312", "2022", 9.8),
    point("3301", "2023", 13.1),
    point("3301", "2022", 12.5),
    point("3312", "2023", null),
    point("0", "2022", 11),
  ];

  it("orders lines: the municipality, its region, the country; and compares the latest period", () => {
    const lines = timeSeriesLines(points, "3301", "Hele landet");
    expect(lines.map((l) => [l.label, l.points.map((p) => p.value)])).toEqual([
      ["Drammen", [12.5, 13.1]],
      ["Lier", [9.8, null]],
      ["Hele landet", [11, 11.4]],
    ]);
    expect(comparisonBars(lines)).toMatchObject({
      period: "2023",
      bars: [
        { label: "Drammen", value: 13.1 },
        { label: "Lier", value: null },
        { label: "Hele landet", value: 11.4 },
      ],
    });
    expect(periodPosition("2023K3")).toBe(2023.5);
    expect(periodPosition("2023M04")).toBe(2023.25);
  });

  it("leaves lines off the shared axis when their scale is far from the municipality's", () => {
    const lines = timeSeriesLines(
      [point("3301", "2023", 4000), point("0", "2023", 2_000_000), point("3312", "2023", 1500)],
      "3301",
      "Hele landet",
    );
    expect(comparableLines(lines).map((l) => l.label)).toEqual(["Drammen", "Lier"]);
  });

  it("sums an industry structure and gives each SN2007 section its share", () => {
    const industry = [
      point("3301", "2023", 300, "10-33"),
      point("3301", "2023", 100, "F"),
      point("3301", "2022", 1, "F"),
    ];
    expect(industryShares(industry, "3301")).toEqual({
      period: "2023",
      rows: [
        { code: "C", label: "Industri", value: 300, share: 0.75 },
        { code: "F", label: "Bygge- og anleggsvirksomhet", value: 100, share: 0.25 },
      ],
    });
    expect(timeSeriesLines(industry, "3301", "Hele landet", true)[0]?.points.map((p) => p.value)).toEqual([
      1, 400,
    ]);
  });

  it("draws SVG on the server as one image named by its summary, with the target", () => {
    const lines = timeSeriesLines(points, "3301", "Hele landet");
    const format = (n: number) => n.toLocaleString("nb-NO");
    const svg = timeSeriesChartSvg(
      lines,
      {
        targets: [{ year: 2023, value: 14 }],
        summary: "Sammendrag",
        yLabel: "prosent",
        targetLabel: "Mål",
        formatNumber: format,
      },
      serverDocument(),
    );
    expect(svg).toMatch(/^<svg[^>]* role="img"/);
    expect(svg).toContain('aria-label="Sammendrag"');
    expect(svg.match(/aria-label=/g)).toHaveLength(1);
    expect(svg).toContain(">Drammen<");
    expect(svg).toContain(">Mål<");
    const bars = comparisonChartSvg(
      comparisonBars(lines).bars,
      { summary: "S", xLabel: "prosent", formatNumber: format },
      serverDocument(),
    );
    expect(bars).toContain(">Hele landet<");
    expect(bars).toContain(">11,4<");
    const shares = industryChartSvg(
      [{ label: "Industri", share: 0.75 }],
      { summary: "S", xLabel: "%", formatNumber: format },
      serverDocument(),
    );
    expect(shares).toContain(">75 %<");
  });
});
