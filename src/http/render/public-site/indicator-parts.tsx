import type { TrackStatus } from "../../../domain/indicator-status.ts";
import type { PublicIndicatorSummary } from "../../../services/public/public-indicators.ts";
import { formatStatistic, translateIndicator } from "../../../web/i18n/indicator-messages.ts";
import type { Language } from "../../../web/i18n/messages.ts";
import type { PublicTranslate } from "../../../web/i18n/public-messages.ts";
import { indicatorPath } from "./urls.ts";

/** «I rute», «Ikke i rute», «Ingen målverdi», «Ingen tall», as a badge that does not rely on colour. */
export function TrackBadge({ language, status }: { language: Language; status: TrackStatus }) {
  return (
    <span className={`track track-${status.kind}`}>
      {translateIndicator(language, `status.${status.kind}`)}
    </span>
  );
}

/** «Siste verdi 4,1 (2024), målverdi 4,5 for 2025.» */
export function trackDetail(language: Language, status: TrackStatus, decimals: number): string {
  const num = (n: number) => formatStatistic(n, decimals, language);
  if (status.kind === "no_data") return "";
  if (status.kind === "no_target")
    return translateIndicator(language, "status.detailNoTarget", {
      value: num(status.latest.value),
      period: status.latest.period,
    });
  return translateIndicator(language, "status.detail", {
    value: num(status.latest.value),
    period: status.latest.period,
    target: num(status.target.value),
    year: status.target.year,
  });
}

/** The indicators of a goal or focus area, each with its status and a link to its page. */
export function IndicatorList({
  t,
  language,
  nr,
  indicators,
  level = 4,
}: {
  t: PublicTranslate;
  language: Language;
  nr: string;
  indicators: PublicIndicatorSummary[];
  level?: 2 | 4;
}) {
  if (indicators.length === 0) return null;
  const Heading = level === 2 ? "h2" : "h4";
  return (
    <>
      <Heading>{t("indicators.heading")}</Heading>
      <ul className="indicators">
        {indicators.map((i) => (
          <li key={i.id}>
            <a href={indicatorPath(nr, i.id)}>{i.name}</a>{" "}
            <TrackBadge language={language} status={i.status} />
            {i.isExample && <span className="example">{translateIndicator(language, "example.note")}</span>}
            {trackDetail(language, i.status, i.decimals) && (
              <span className="muted"> {trackDetail(language, i.status, i.decimals)}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
