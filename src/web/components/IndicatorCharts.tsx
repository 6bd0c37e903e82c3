import { Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { chartDocument } from "../charts/chart-document.ts";
import {
  type ChartLine,
  comparableLines,
  comparisonBars,
  comparisonChartSvg,
  industryChartSvg,
  industryShares,
  type SeriesPointInput,
  timeSeriesChartSvg,
  timeSeriesLines,
} from "../charts/indicator-charts.ts";
import { type IndicatorMessageKey, useIndicatorMessages } from "../i18n/indicator-messages.ts";

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
};

type Translate = (key: IndicatorMessageKey, params?: Record<string, string | number>) => string;

/**
 * The charts of an indicator, each a figure with its source credit and licence, a text summary
 * (the SVG's accessible name) and the same figures as a table. Works on server-rendered pages
 * without scripts: the SVG is drawn on the server.
 */
export function IndicatorCharts({
  indicator,
  headingLevel = 2,
}: {
  indicator: ChartableIndicator;
  headingLevel?: 2 | 3;
}) {
  const { m, num } = useIndicatorMessages();
  const format = (n: number) => num(n, indicator.decimals);
  const lines = timeSeriesLines(
    indicator.series,
    indicator.municipality.number,
    m("chart.country"),
    indicator.chartKind === "industry_structure",
  );
  const drawn = comparableLines(lines);
  const doc = chartDocument();
  const regionNote =
    indicator.comparison.regions.length === 0
      ? m("chart.noRegion")
      : m("chart.regionNote", { regions: indicator.comparison.regions.map((r) => r.name).join(", ") });
  const credit = m("chart.credit", { credit: indicator.creditLine, licence: indicator.licence });
  const figures: ReactNode[] = [];

  if (indicator.chartKind === "industry_structure") {
    const industry = industryShares(indicator.series, indicator.municipality.number);
    if (industry.period) {
      const values = industry.rows
        .filter((r) => r.share !== null)
        .sort((a, b) => (b.share ?? 0) - (a.share ?? 0))
        .map((r) => `${r.label} ${num((r.share ?? 0) * 100, 1)} %`)
        .join(", ");
      const summary = m("chart.industrySummary", {
        municipality: indicator.municipality.name,
        period: industry.period,
        values,
      });
      figures.push(
        <ChartFigure
          key="industry"
          testId="industry-chart"
          heading={m("chart.industryHeading", { period: industry.period })}
          headingLevel={headingLevel}
          svg={
            doc
              ? industryChartSvg(
                  industry.rows,
                  { summary, xLabel: m("chart.industryAxis"), formatNumber: (n) => num(n, 0) },
                  doc,
                )
              : null
          }
          summary={summary}
          credit={credit}
          isExample={indicator.isExample}
          m={m}
          table={
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{m("chart.industry")}</Table.HeaderCell>
                  <Table.HeaderCell>{m("chart.value")}</Table.HeaderCell>
                  <Table.HeaderCell>{m("chart.share")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {industry.rows.map((r) => (
                  <Table.Row key={r.code}>
                    <Table.Cell>
                      {r.code} {r.label}
                    </Table.Cell>
                    <Table.Cell>{r.value === null ? m("chart.missing") : format(r.value)}</Table.Cell>
                    <Table.Cell>{r.share === null ? "–" : `${num(r.share * 100, 1)} %`}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          }
        />,
      );
    }
  }

  const own = lines.find((l) => l.own);
  const ownPoints = own?.points.filter((p) => p.value !== null) ?? [];
  if (lines.length > 0) {
    const periods = [...new Set(lines.flatMap((l) => l.points.map((p) => p.period)))].sort((a, b) =>
      a.localeCompare(b, "en", { numeric: true }),
    );
    const lastTarget = indicator.targets.at(-1);
    const summary = m("chart.timeSummary", {
      name: indicator.name + (indicator.unit ? ` (${indicator.unit})` : ""),
      periods: `${periods[0]}–${periods.at(-1)}`,
      own: own?.label ?? indicator.municipality.name,
      first: ownPoints[0] ? `${format(ownPoints[0].value ?? 0)} (${ownPoints[0].period})` : "–",
      last: ownPoints.at(-1) ? `${format(ownPoints.at(-1)?.value ?? 0)} (${ownPoints.at(-1)?.period})` : "–",
      target: lastTarget
        ? m("chart.timeSummaryTarget", { target: format(lastTarget.value), year: lastTarget.year })
        : "",
      others:
        lines
          .filter((l) => !l.own)
          .map((l) => l.label)
          .join(", ") || "–",
    });
    figures.push(
      <ChartFigure
        key="time"
        testId="time-chart"
        heading={m("chart.timeHeading")}
        headingLevel={headingLevel}
        svg={
          doc
            ? timeSeriesChartSvg(
                drawn,
                {
                  targets: indicator.targets,
                  summary,
                  yLabel: indicator.unit,
                  targetLabel: m("chart.target"),
                  formatNumber: format,
                },
                doc,
              )
            : null
        }
        summary={summary}
        credit={credit}
        note={regionNote}
        isExample={indicator.isExample}
        m={m}
        table={<TimeTable lines={lines} periods={periods} format={format} m={m} />}
      />,
    );
    const comparison = comparisonBars(lines);
    if (comparison.period && lines.length > 1) {
      const values = comparison.bars
        .map((b) => `${b.label} ${b.value === null ? m("chart.missing") : format(b.value)}`)
        .join(", ");
      const compareSummary = m("chart.compareSummary", {
        name: indicator.name + (indicator.unit ? ` (${indicator.unit})` : ""),
        period: comparison.period,
        values,
      });
      figures.push(
        <ChartFigure
          key="compare"
          testId="comparison-chart"
          heading={m("chart.compareHeading", { period: comparison.period })}
          headingLevel={headingLevel}
          svg={
            doc
              ? comparisonChartSvg(
                  comparison.bars,
                  { summary: compareSummary, xLabel: indicator.unit, formatNumber: format },
                  doc,
                )
              : null
          }
          summary={compareSummary}
          credit={credit}
          isExample={indicator.isExample}
          m={m}
          table={
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{m("chart.region")}</Table.HeaderCell>
                  <Table.HeaderCell>{m("chart.value")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {comparison.bars.map((b) => (
                  <Table.Row key={b.key}>
                    <Table.Cell>{b.label}</Table.Cell>
                    <Table.Cell>{b.value === null ? m("chart.missing") : format(b.value)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          }
        />,
      );
    }
  }
  return <div className="pv-stack pv-stack--loose">{figures}</div>;
}

function TimeTable({
  lines,
  periods,
  format,
  m,
}: {
  lines: ChartLine[];
  periods: string[];
  format: (n: number) => string;
  m: Translate;
}) {
  return (
    <Table data-size="sm" zebra>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{m("chart.period")}</Table.HeaderCell>
          {lines.map((l) => (
            <Table.HeaderCell key={l.key}>{l.label}</Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {periods.map((period) => (
          <Table.Row key={period}>
            <Table.HeaderCell scope="row">{period}</Table.HeaderCell>
            {lines.map((l) => {
              const point = l.points.find((p) => p.period === period);
              return (
                <Table.Cell key={l.key}>
                  {point?.value == null
                    ? `${m("chart.missing")}${point?.status ? ` (${point.status})` : ""}`
                    : format(point.value)}
                </Table.Cell>
              );
            })}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function ChartFigure({
  testId,
  heading,
  headingLevel,
  svg,
  summary,
  credit,
  note,
  isExample,
  table,
  m,
}: {
  testId: string;
  heading: string;
  headingLevel: 2 | 3;
  svg: string | null;
  summary: string;
  credit: string;
  note?: string;
  isExample: boolean;
  table: ReactNode;
  m: Translate;
}) {
  return (
    <figure className="pv-stack pv-chart" style={{ margin: 0 }} data-testid={testId}>
      <Heading level={headingLevel} data-size="sm">
        {heading}
      </Heading>
      {isExample && (
        <Tag data-color="warning" data-testid="example-note">
          {m("example.note")}
        </Tag>
      )}
      {svg ? (
        // The SVG is drawn by Observable Plot from the data below; it names itself by the summary.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG made by Plot from numbers and escaped labels
        <div className="pv-chart__svg" dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <Paragraph>{summary}</Paragraph>
      )}
      <figcaption className="pv-stack">
        {note && <Paragraph data-size="sm">{note}</Paragraph>}
        <Paragraph data-size="sm" className="pv-muted" data-testid="chart-credit">
          {credit}
        </Paragraph>
      </figcaption>
      <details>
        <summary>{m("chart.showTable")}</summary>
        <div className="pv-table-scroll">{table}</div>
      </details>
    </figure>
  );
}
