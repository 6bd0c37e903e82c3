import type { PublicActionPlan, PublicFocusArea } from "../../../services/public/internal.ts";
import type { PublicIndicatorSummary } from "../../../services/public/public-indicators.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import { IndicatorList } from "./indicator-parts.tsx";
import { Document, MeasureTable, NewestNotice, type PageEnv, versionPathOf } from "./layout.tsx";
import { actionPlanPath } from "./urls.ts";

export function FocusAreaPage({
  env,
  data,
  focusArea,
  pinned,
  indicators = [],
}: {
  env: PageEnv;
  data: PublicActionPlan;
  focusArea: PublicFocusArea;
  pinned: boolean;
  indicators?: PublicIndicatorSummary[];
}) {
  const t = publicTranslator(env.language);
  const nr = data.municipality.number;
  const path = versionPathOf(data, pinned);
  const goals = data.goals.filter((g) => focusArea.goalIds.includes(g.id));
  return (
    <Document
      env={env}
      municipality={data.municipality}
      head={{
        title: `${focusArea.title}: ${t("plan.actionPlan", { year: data.budgetYear })}`,
        description: t("focus.description", { title: focusArea.title, year: data.budgetYear }),
      }}
    >
      <nav aria-label={t("measure.chain")} className="crumbs">
        <ol>
          <li>
            <a href={actionPlanPath(nr, path)}>
              {data.plan.title}, {t("plan.actionPlan", { year: data.budgetYear })}
            </a>
          </li>
          <li aria-current="page">{focusArea.title}</li>
        </ol>
      </nav>
      <p className="eyebrow">{t("measure.focusArea")}</p>
      <h1>{focusArea.title}</h1>
      <NewestNotice t={t} v={data} />
      {focusArea.description && <p className="lead">{focusArea.description}</p>}
      {goals.length > 0 && (
        <>
          <h2>{t("focus.serves")}</h2>
          <ul>
            {goals.map((g) => (
              <li key={g.id}>{g.title}</li>
            ))}
          </ul>
        </>
      )}
      <IndicatorList
        t={t}
        language={env.language}
        nr={nr}
        level={2}
        indicators={indicators.filter((i) => i.focusAreaIds.includes(focusArea.id))}
      />
      <h2>{t("plan.measures")}</h2>
      <p className="muted">
        {focusArea.rollUp.progress === null
          ? t("plan.noProgress")
          : t("plan.progressOf", { progress: `${focusArea.rollUp.progress} %` })}
        . {t("plan.progressRule")}
      </p>
      {focusArea.measures.length === 0 ? (
        <p>{t("focus.noMeasures", { year: data.budgetYear })}</p>
      ) : (
        <MeasureTable
          t={t}
          env={env}
          nr={nr}
          caption={t("measures.caption", { title: focusArea.title, year: data.budgetYear })}
          budgetYear={data.budgetYear}
          measures={focusArea.measures}
        />
      )}
    </Document>
  );
}
