import type { PublicRegion, PublicRegionIndicator } from "../../../services/public/public-region.ts";
import { comparisonBars, timeSeriesLines } from "../../../web/charts/chart-data.ts";
import { formatStatistic, translateIndicator } from "../../../web/i18n/indicator-messages.ts";
import type { Language } from "../../../web/i18n/messages.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import { createChartDocument } from "../charts/chart-document.ts";
import { comparisonChartSvg } from "../charts/indicator-charts.ts";
import type { PageEnv } from "./layout.tsx";
import { Caption, ScrollTable } from "./scroll-table.tsx";
import { indicatorPath } from "./urls.ts";

const licenceUrls: Record<string, string> = {
  "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/deed.no",
  "NLOD 2.0": "https://data.norge.no/nlod/no/2.0",
};

/**
 * One indicator across the region's members and the country in its latest period: bars drawn on
 * the server, the same figures as a table, and a sentence that says them. No member is
 * highlighted: the page is about the region, not one municipality.
 */
export function regionComparison(indicator: PublicRegionIndicator, language: Language) {
  const m = (key: Parameters<typeof translateIndicator>[1], params?: Record<string, string | number>) =>
    translateIndicator(language, key, params);
  const format = (n: number) => formatStatistic(n, indicator.decimals, language);
  const lines = timeSeriesLines(
    indicator.series,
    indicator.owner.number,
    m("chart.country"),
    indicator.chartKind === "industry_structure",
  );
  const { period, bars } = comparisonBars(lines);
  const plain = bars.map((b) => ({ ...b, own: false }));
  const name = indicator.name + (indicator.unit ? ` (${indicator.unit})` : "");
  const values = plain
    .map((b) => `${b.label} ${b.value === null ? m("chart.missing") : format(b.value)}`)
    .join(", ");
  const summary = period ? m("chart.compareSummary", { name, period, values }) : "";
  // A count for the whole country would flatten the members' bars: the table and the text keep it.
  const memberMax = Math.max(0, ...plain.filter((b) => !b.country).map((b) => Math.abs(b.value ?? 0)));
  const drawn = plain.filter((b) => !b.country || memberMax === 0 || Math.abs(b.value ?? 0) <= memberMax * 5);
  return { period, bars: plain, drawn, summary, format };
}

export function RegionIndicators({ env, data }: { env: PageEnv; data: PublicRegion }) {
  const t = publicTranslator(env.language);
  const language = env.language;
  const m = (key: Parameters<typeof translateIndicator>[1]) => translateIndicator(language, key);
  const document = createChartDocument();
  const figures = data.indicators
    .map((indicator) => ({ indicator, ...regionComparison(indicator, language) }))
    .filter((f) => f.period !== null);
  return (
    <section aria-labelledby="indikatorer" data-testid="region-indicators">
      <h2 id="indikatorer">{t("region.indicators")}</h2>
      <p>{figures.length === 0 ? t("region.noIndicators") : t("region.indicatorsIntro")}</p>
      {figures.map(({ indicator, period, bars, drawn, summary, format }) => {
        const heading = t("region.compareHeading", { period: period ?? "" });
        const svg = comparisonChartSvg(
          drawn,
          { summary, xLabel: indicator.unit, formatNumber: format },
          document,
        );
        const licenceUrl = licenceUrls[indicator.licence];
        const tableLabel = t("indicator.tableOf", { heading: `${indicator.name}: ${heading}` });
        return (
          <section
            key={indicator.id}
            aria-labelledby={`indikator-${indicator.id}`}
            className="chart"
            data-testid="region-indicator"
          >
            <h3 id={`indikator-${indicator.id}`}>{indicator.name}</h3>
            {indicator.description && <p>{indicator.description}</p>}
            <figure>
              {indicator.isExample && (
                <p className="example" data-testid="example-note">
                  {m("example.note")}
                </p>
              )}
              <div
                className="chart-svg"
                // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG drawn on the server from numbers and escaped labels (src/http/render/charts/)
                dangerouslySetInnerHTML={{ __html: svg }}
              />
              <figcaption>
                <p>{summary}</p>
                <p className="muted" data-testid="chart-credit">
                  {indicator.sourceUrl ? (
                    <a href={indicator.sourceUrl}>{indicator.sourceName}</a>
                  ) : (
                    indicator.sourceName
                  )}
                  {indicator.datasetLabel && ` – ${indicator.datasetLabel}`}. {indicator.creditLine}.{" "}
                  {t("indicator.licence")}{" "}
                  {licenceUrl ? (
                    <a href={licenceUrl} rel="license">
                      {indicator.licence}
                    </a>
                  ) : (
                    indicator.licence
                  )}
                  .
                </p>
              </figcaption>
            </figure>
            <ScrollTable t={t} label={tableLabel}>
              <table>
                <Caption>{tableLabel}</Caption>
                <thead>
                  <tr>
                    <th scope="col">{m("chart.region")}</th>
                    <th scope="col" className="num">
                      {indicator.unit || m("chart.value")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {bars.map((b) => (
                    <tr key={b.key}>
                      <th scope="row">{b.label}</th>
                      <td className="num">{b.value === null ? m("chart.missing") : format(b.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            <p>
              {t("region.publishedBy", { name: indicator.owner.name })}{" "}
              <a href={indicatorPath(indicator.owner.number, indicator.id)}>{t("region.indicatorLink")}</a>
            </p>
          </section>
        );
      })}
    </section>
  );
}
