import type { ScoreStats, Sector } from "../../../domain/evaluation.ts";
import { recommendations, sectors } from "../../../domain/evaluation.ts";
import type { PublicEvaluation } from "../../../services/public/public-evaluations.ts";
import { formatScore, translateEvaluation } from "../../../web/i18n/evaluation-messages.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import { Document, type PageEnv } from "./layout.tsx";
import { Caption, ScrollTable } from "./scroll-table.tsx";
import { actionPlanPath, measurePath } from "./urls.ts";

/**
 * The smallest group shown in public. A stop-gap of this page until the evaluation domain gives
 * the anonymised summary itself: then this rule and `visibleGroup` should come from there.
 */
export const minimumPublicGroup = 3;

/** A group's figures, or null when fewer than the minimum answered (then they are not shown). */
export function visibleGroup<T extends { count: number }>(stats: T | undefined): T | null {
  return stats && stats.count >= minimumPublicGroup ? stats : null;
}

/**
 * A published evaluation summary in public: per measure, the mean and spread per criterion for
 * everyone and per sector, and the panel's recommendations, with groups under three answers hidden
 * (the rule is stated on the page).
 */
export function EvaluationPage({ env, data }: { env: PageEnv; data: PublicEvaluation }) {
  const t = publicTranslator(env.language);
  const ev = (key: Parameters<typeof translateEvaluation>[1]) => translateEvaluation(env.language, key);
  const score = (n: number | null) => formatScore(n, env.language);
  const nr = data.municipality.number;
  const hidden = t("evaluation.hidden", { min: minimumPublicGroup });
  return (
    <Document
      env={env}
      municipality={data.municipality}
      head={{
        title: data.title,
        description: t("evaluation.description", { title: data.title, municipality: data.municipality.name }),
        type: "article",
      }}
    >
      <nav aria-label={t("indicator.crumbs")} className="crumbs">
        <ol>
          <li>
            <a href={actionPlanPath(nr, { planId: data.plan.id, budgetYear: data.budgetYear })}>
              {data.plan.title}, {t("plan.actionPlan", { year: data.budgetYear })}
            </a>
          </li>
          <li aria-current="page">{data.title}</li>
        </ol>
      </nav>
      <p className="eyebrow">{t("evaluation.eyebrow")}</p>
      <h1>{data.title}</h1>
      <p className="notice" data-testid="group-rule">
        {t("evaluation.rule", { min: minimumPublicGroup })}
      </p>

      {data.measures.map((m) => {
        const caption = `${m.reference} ${m.title}: ${t("evaluation.criteriaCaption", { scale: "1–5" })}`;
        // Sectors that answered, in the fixed order: the ones hidden (too few, or given away by
        // subtraction) still get a row that says so.
        const answeredSectors = sectors.filter(
          (s) => m.result.sectors.some((x) => x.sector === s) || m.result.hiddenSectors.includes(s),
        );
        const row = (label: string, stats: ScoreStats | null, key: string) => (
          <tr key={key}>
            <td>{label}</td>
            {stats ? (
              <>
                <td className="num">{score(stats.mean)}</td>
                <td className="num">{score(stats.standardDeviation)}</td>
                <td className="num">{stats.count}</td>
              </>
            ) : (
              <td colSpan={3} className="muted">
                {hidden}
              </td>
            )}
          </tr>
        );
        return (
          <section key={m.reference} aria-labelledby={`tiltak-${m.reference}`} className="evaluation-measure">
            <h2 id={`tiltak-${m.reference}`}>
              <a href={measurePath(nr, m.reference)}>
                {m.reference} {m.title}
              </a>
            </h2>
            <p>{t("evaluation.respondents", { count: m.result.answers })}</p>
            <h3>{t("evaluation.criteria")}</h3>
            <ScrollTable t={t} label={caption}>
              <table>
                <Caption>{caption}</Caption>
                <thead>
                  <tr>
                    <th scope="col">{t("evaluation.group")}</th>
                    <th scope="col" className="num">
                      {t("evaluation.mean")}
                    </th>
                    <th scope="col" className="num">
                      {t("evaluation.spread")}
                    </th>
                    <th scope="col" className="num">
                      {t("evaluation.count")}
                    </th>
                  </tr>
                </thead>
                {m.result.criteria.map((c) => (
                  <tbody key={c.key}>
                    <tr>
                      <th scope="rowgroup" colSpan={4}>
                        {c.title}
                      </th>
                    </tr>
                    {row(t("evaluation.all"), visibleGroup(c), "all")}
                    {answeredSectors.map((s: Sector) =>
                      row(ev(`ev.sector.${s}`), visibleGroup(c.bySector[s]), s),
                    )}
                  </tbody>
                ))}
              </table>
            </ScrollTable>
            <h3>{t("evaluation.recommendations")}</h3>
            {m.result.answers < minimumPublicGroup ? (
              <p className="muted">{hidden}</p>
            ) : (
              <ul>
                {recommendations.map((r) => (
                  <li key={r}>
                    {ev(`ev.rec.${r}`)}: {m.result.recommendations[r]}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Document>
  );
}
