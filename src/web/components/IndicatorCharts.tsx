import { Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import type { ChartLine } from "../charts/chart-data.ts";
import { type ChartableIndicator, indicatorFigures, type Translate } from "../charts/indicator-figures.ts";
import { useIndicatorMessages } from "../i18n/indicator-messages.ts";

export type { ChartableIndicator } from "../charts/indicator-figures.ts";

/**
 * The charts of an indicator, each a figure with its source credit and licence, a text summary
 * (the SVG's accessible name) and the same figures as a table. The SVG is drawn on the server
 * (src/http/render/charts/) and comes with the indicator's data, so pages read without scripts
 * and the browser needs no charting library.
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
  const credit = m("chart.credit", { credit: indicator.creditLine, licence: indicator.licence });
  const figures = indicatorFigures(indicator, m, num);
  return (
    <div className="pv-stack pv-stack--loose">
      {figures.map((figure) => (
        <ChartFigure
          key={figure.kind}
          testId={`${figure.kind}-chart`}
          heading={figure.heading}
          headingLevel={headingLevel}
          svg={indicator.charts?.[figure.kind] ?? null}
          summary={figure.summary}
          credit={credit}
          note={figure.kind === "time" ? figure.note : undefined}
          isExample={indicator.isExample}
          m={m}
          table={
            figure.kind === "time" ? (
              <TimeTable lines={figure.lines} periods={figure.periods} format={format} m={m} />
            ) : figure.kind === "comparison" ? (
              <Table data-size="sm" zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{m("chart.region")}</Table.HeaderCell>
                    <Table.HeaderCell>{m("chart.value")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {figure.bars.map((b) => (
                    <Table.Row key={b.key}>
                      <Table.Cell>{b.label}</Table.Cell>
                      <Table.Cell>{b.value === null ? m("chart.missing") : format(b.value)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            ) : (
              <Table data-size="sm" zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{m("chart.industry")}</Table.HeaderCell>
                    <Table.HeaderCell>{m("chart.value")}</Table.HeaderCell>
                    <Table.HeaderCell>{m("chart.share")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {figure.rows.map((r) => (
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
            )
          }
        />
      ))}
    </div>
  );
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
