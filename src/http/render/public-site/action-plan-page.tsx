import type { ReactNode } from "react";
import type { PublicActionPlan } from "../../../services/public/internal.ts";
import type { PublicIndicatorSummary } from "../../../services/public/public-indicators.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import { IndicatorList } from "./indicator-parts.tsx";
import {
  BudgetByYearTable,
  Document,
  MoneyNote,
  NewestNotice,
  OpenData,
  type PageEnv,
  Progress,
  StatusCounts,
  VersionLine,
  versionPathOf,
} from "./layout.tsx";
import { PlanOverview } from "./plan-overview.tsx";
import {
  actionPlanPath,
  comparePath,
  focusAreaPath,
  openActionPlanPath,
  openMeasuresCsvPath,
} from "./urls.ts";

export function ActionPlanPage({
  env,
  data,
  pinned,
  indicators,
  evaluations = null,
}: {
  env: PageEnv;
  data: PublicActionPlan;
  pinned: boolean;
  indicators: PublicIndicatorSummary[];
  evaluations?: ReactNode;
}) {
  const t = publicTranslator(env.language);
  const nr = data.municipality.number;
  const path = versionPathOf(data, pinned);
  const count = data.focusAreas.reduce((n, f) => n + f.measures.length, 0);
  const focusById = new Map(data.focusAreas.map((f) => [f.id, f]));
  const title = `${data.plan.title}: ${t("plan.actionPlan", { year: data.budgetYear })}`;
  return (
    <Document
      env={env}
      municipality={data.municipality}
      head={{
        title,
        description: t("plan.description", { year: data.budgetYear, plan: data.plan.title, count }),
      }}
    >
      <p className="eyebrow">{data.plan.title}</p>
      <h1>{t("plan.actionPlan", { year: data.budgetYear })}</h1>
      <VersionLine t={t} env={env} v={data} />
      {data.reason && <p>{t("plan.revisionReason", { reason: data.reason })}</p>}
      <NewestNotice t={t} v={data} />
      <CompareLinks t={t} data={data} />
      <PlanOverview t={t} data={data} indicators={indicators} />
      {data.plan.vision && <p>{data.plan.vision}</p>}
      <p>{t("plan.chain")}</p>

      <section aria-labelledby="mal">
        <h2 id="mal">{t("plan.goals")}</h2>
        <p className="muted">{t("plan.progressRule")}</p>
        <ol className="goals">
          {data.goals.map((g) => (
            <li key={g.id} className="card">
              <h3>{g.title}</h3>
              {g.description && <p>{g.description}</p>}
              <p>
                <Progress t={t} value={g.rollUp.progress} />
              </p>
              <IndicatorList
                t={t}
                language={env.language}
                nr={nr}
                indicators={indicators.filter((i) => i.goalIds.includes(g.id))}
              />
              {g.focusAreaIds.length > 0 && (
                <>
                  <h4>{t("plan.focusAreasOfGoal")}</h4>
                  <ul>
                    {g.focusAreaIds.map((id) => {
                      const fa = focusById.get(id);
                      return fa ? (
                        <li key={id}>
                          <a href={focusAreaPath(nr, path, id)}>{fa.title}</a>
                        </li>
                      ) : null;
                    })}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="satsingsomrader">
        <h2 id="satsingsomrader">{t("plan.focusAreas")}</h2>
        {data.focusAreas.map((fa) => (
          <section key={fa.id} className="focus-area" aria-labelledby={`fa-${fa.id}`}>
            <h3 id={`fa-${fa.id}`}>
              <a href={focusAreaPath(nr, path, fa.id)}>{fa.title}</a>
            </h3>
            <p className="muted">
              {t("plan.measureCount", { count: fa.measures.length })} ·{" "}
              {fa.rollUp.progress === null
                ? t("plan.noProgress")
                : t("plan.progressOf", { progress: `${fa.rollUp.progress} %` })}
            </p>
            {fa.description && <p>{fa.description}</p>}
            <StatusCounts t={t} measures={fa.measures} />
            <IndicatorList
              t={t}
              language={env.language}
              nr={nr}
              indicators={indicators.filter((i) => i.focusAreaIds.includes(fa.id))}
            />
          </section>
        ))}
      </section>

      <section aria-labelledby="budsjett">
        <h2 id="budsjett">{t("plan.budget")}</h2>
        <BudgetByYearTable
          t={t}
          env={env}
          caption={t("plan.budgetCaption", { year: data.budgetYear })}
          rows={data.totals}
        />
        <MoneyNote
          t={t}
          env={env}
          municipalNok={data.totals.reduce((n, r) => n + r.municipalNok, 0)}
          externalNok={data.totals.reduce((n, r) => n + r.externalNok, 0)}
          external={data.externalByStatus}
        />
      </section>

      {evaluations}

      <section aria-labelledby="versjoner">
        <h2 id="versjoner">{t("plan.otherVersions")}</h2>
        <p className="muted">{t("plan.permanent")}</p>
        <ul className="inline-list">
          {data.versions.map((v) => {
            const current = v.budgetYear === data.budgetYear && v.revision === data.revision;
            return (
              <li key={`${v.budgetYear}-${v.revision}`}>
                <a
                  href={actionPlanPath(nr, {
                    planId: data.plan.id,
                    budgetYear: v.budgetYear,
                    revision: v.revision,
                  })}
                  aria-current={current ? "page" : undefined}
                >
                  {t("plan.actionPlan", { year: v.budgetYear })}
                  {v.revision > 0 && `, ${t("plan.revision", { revision: v.revision })}`}
                </a>
              </li>
            );
          })}
        </ul>
      </section>

      <OpenData
        t={t}
        municipality={data.municipality}
        links={[
          {
            href: openActionPlanPath(nr, path),
            label: `${t("plan.actionPlan", { year: data.budgetYear })} (JSON)`,
          },
          { href: openMeasuresCsvPath(nr, path), label: `${t("plan.measures")} (CSV)` },
        ]}
      />
    </Document>
  );
}

/** Links to the comparison with the adopted action plans of the year before and after, when there are such. */
function CompareLinks({ t, data }: { t: ReturnType<typeof publicTranslator>; data: PublicActionPlan }) {
  const years = [...new Set(data.versions.map((v) => v.budgetYear))].sort((a, b) => a - b);
  const previous = years.filter((y) => y < data.budgetYear).at(-1);
  const next = years.find((y) => y > data.budgetYear);
  if (previous === undefined && next === undefined) return null;
  const nr = data.municipality.number;
  return (
    <ul className="inline-list compare-links" data-testid="compare-links">
      {previous !== undefined && (
        <li>
          <a href={comparePath(nr, data.plan.id, previous, data.budgetYear)}>
            {t("compare.link", { year: previous })}
          </a>
        </li>
      )}
      {next !== undefined && (
        <li>
          <a href={comparePath(nr, data.plan.id, data.budgetYear, next)}>
            {t("compare.link", { year: next })}
          </a>
        </li>
      )}
    </ul>
  );
}
