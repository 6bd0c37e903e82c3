import type { PublicEvaluationRef } from "../../../services/public/public-evaluations.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import type { PageEnv } from "./layout.tsx";
import { evaluationPath } from "./urls.ts";

/** Links to the published evaluation summaries of a plan or a measure; nothing when there are none. */
export function EvaluationLinks({
  env,
  nr,
  rounds,
}: {
  env: PageEnv;
  nr: string;
  rounds: PublicEvaluationRef[];
}) {
  if (rounds.length === 0) return null;
  const t = publicTranslator(env.language);
  return (
    <section aria-labelledby="evalueringer" data-testid="evaluation-links">
      <h2 id="evalueringer">{t("evaluation.heading")}</h2>
      <ul>
        {rounds.map((r) => (
          <li key={r.id}>
            <a href={evaluationPath(nr, r.id)}>{t("evaluation.link", { title: r.title })}</a> (
            {t("plan.actionPlan", { year: r.budgetYear })})
          </li>
        ))}
      </ul>
    </section>
  );
}
