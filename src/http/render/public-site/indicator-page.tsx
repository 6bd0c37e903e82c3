import type { PublicIndicator } from "../../../services/public/public-indicators.ts";
import type { ChartLine } from "../../../web/charts/chart-data.ts";
import { indicatorFigures } from "../../../web/charts/indicator-figures.ts";
import { formatStatistic, translateIndicator } from "../../../web/i18n/indicator-messages.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import { renderIndicatorCharts } from "../charts/render-indicator-charts.ts";
import { TrackBadge, trackDetail } from "./indicator-parts.tsx";
import { Document, type PageEnv } from "./layout.tsx";
import { Caption, ScrollTable } from "./scroll-table.tsx";
import { municipalityPath } from "./urls.ts";

const licenceUrls: Record<string, string> = {
  "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/deed.no",
  "NLOD 2.0": "https://data.norge.no/nlod/no/2.0",
};

/**
 * An indicator in public: its on-track status, the charts of the signed-in app drawn on the server
 * as SVG, each with a text summary and its figures as a table, the source and licence, and example
 * figures marked as such.
 */
export function IndicatorPage({ env, data }: { env: PageEnv; data: PublicIndicator }) {
  const t = publicTranslator(env.language);
  const language = env.language;
  const m = (key: Parameters<typeof translateIndicator>[1], params?: Record<string, string | number>) =>
    translateIndicator(language, key, params);
  const num = (value: number, decimals: number) => formatStatistic(value, decimals, language);
  const format = (n: number) => num(n, data.decimals);
  const figures = indicatorFigures(data, m, num);
  const svgs = renderIndicatorCharts(data, language);
  const detail = trackDetail(language, data.status, data.decimals);
  const licenceUrl = licenceUrls[data.licence];
  return (
    <Document
      env={env}
      municipality={data.municipality}
      head={{
        title: data.name,
        description: t("indicator.description", { name: data.name, municipality: data.municipality.name }),
        type: "article",
      }}
    >
      <nav aria-label={t("indicator.crumbs")} className="crumbs">
        <ol>
          <li>
            <a href={municipalityPath(data.municipality.number)}>
              {t("site.municipality", { name: data.municipality.name })}
            </a>
          </li>
          <li aria-current="page">{data.name}</li>
        </ol>
      </nav>
      <p className="eyebrow">{t("indicator.eyebrow")}</p>
      <h1>{data.name}</h1>
      {data.isExample && (
        <p className="notice example-notice" data-testid="example-note">
          <strong>{m("example.note")}</strong>
        </p>
      )}
      {data.description && <p className="lead">{data.description}</p>}

      <section aria-labelledby="status" className="card">
        <h2 id="status">{t("indicator.status")}</h2>
        <p>
          <TrackBadge language={language} status={data.status} /> {detail}
        </p>
        <p className="muted">
          {m(`direction.${data.direction}`)}. {m("status.rule")}
        </p>
        {(data.goals.length > 0 || data.focusAreas.length > 0) && (
          <p>
            {t("indicator.follows", {
              items: [...data.goals, ...data.focusAreas].map((x) => `«${x.title}»`).join(", "),
            })}
          </p>
        )}
      </section>

      {figures.length === 0 && <p>{t("indicator.noFigures")}</p>}
      {figures.map((figure) => (
        <section key={figure.kind} aria-labelledby={`figur-${figure.kind}`} className="chart">
          <h2 id={`figur-${figure.kind}`}>{figure.heading}</h2>
          <figure data-testid={`${figure.kind}-chart`}>
            {data.isExample && <p className="example">{m("example.note")}</p>}
            {svgs[figure.kind] && (
              // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG drawn on the server from numbers and escaped labels (src/http/render/charts/)
              <div className="chart-svg" dangerouslySetInnerHTML={{ __html: svgs[figure.kind] ?? "" }} />
            )}
            <figcaption>
              <p>{figure.summary}</p>
              {figure.kind === "time" && <p className="muted">{figure.note}</p>}
              <p className="muted" data-testid="chart-credit">
                {data.creditLine}. {t("indicator.licence")}{" "}
                {licenceUrl ? (
                  <a href={licenceUrl} rel="license">
                    {data.licence}
                  </a>
                ) : (
                  data.licence
                )}
                .
              </p>
            </figcaption>
          </figure>
          <ScrollTable t={t} label={t("indicator.tableOf", { heading: figure.heading })}>
            <table>
              <Caption>{t("indicator.tableOf", { heading: figure.heading })}</Caption>
              {figure.kind === "time" ? (
                <TimeRows
                  lines={figure.lines}
                  periods={figure.periods}
                  format={format}
                  missing={m("chart.missing")}
                  header={m("chart.period")}
                />
              ) : figure.kind === "comparison" ? (
                <>
                  <thead>
                    <tr>
                      <th scope="col">{m("chart.region")}</th>
                      <th scope="col" className="num">
                        {m("chart.value")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {figure.bars.map((b) => (
                      <tr key={b.key}>
                        <th scope="row">{b.label}</th>
                        <td className="num">{b.value === null ? m("chart.missing") : format(b.value)}</td>
                      </tr>
                    ))}
                  </tbody>
                </>
              ) : (
                <>
                  <thead>
                    <tr>
                      <th scope="col">{m("chart.industry")}</th>
                      <th scope="col" className="num">
                        {m("chart.value")}
                      </th>
                      <th scope="col" className="num">
                        {m("chart.share")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {figure.rows.map((r) => (
                      <tr key={r.code}>
                        <th scope="row">
                          {r.code} {r.label}
                        </th>
                        <td className="num">{r.value === null ? m("chart.missing") : format(r.value)}</td>
                        <td className="num">{r.share === null ? "–" : `${num(r.share * 100, 1)} %`}</td>
                      </tr>
                    ))}
                  </tbody>
                </>
              )}
            </table>
          </ScrollTable>
        </section>
      ))}

      {data.targets.length > 0 && (
        <section aria-labelledby="malverdier">
          <h2 id="malverdier">{t("indicator.targets")}</h2>
          <ul className="inline-list">
            {data.targets.map((target) => (
              <li key={target.year}>
                {target.year}: {format(target.value)}
                {data.unit && ` ${data.unit}`}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="kilde">
        <h2 id="kilde">{t("indicator.source")}</h2>
        <p>
          {data.sourceUrl ? <a href={data.sourceUrl}>{data.sourceName}</a> : data.sourceName}
          {data.datasetLabel && ` – ${data.datasetLabel}`}
          {data.updated && ` (${t("indicator.updated", { date: data.updated })})`}. {t("indicator.licence")}{" "}
          {data.licence}.
        </p>
      </section>
    </Document>
  );
}

function TimeRows({
  lines,
  periods,
  format,
  missing,
  header,
}: {
  lines: ChartLine[];
  periods: string[];
  format: (n: number) => string;
  missing: string;
  header: string;
}) {
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{header}</th>
          {lines.map((l) => (
            <th scope="col" key={l.key} className="num">
              {l.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {periods.map((period) => (
          <tr key={period}>
            <th scope="row">{period}</th>
            {lines.map((l) => {
              const point = l.points.find((p) => p.period === period);
              return (
                <td key={l.key} className="num">
                  {point?.value == null
                    ? `${missing}${point?.status ? ` (${point.status})` : ""}`
                    : format(point.value)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </>
  );
}
