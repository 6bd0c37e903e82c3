import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useParams } from "react-router";
import { useCurrentMunicipality } from "../../api.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { ErrorMessage } from "../../components/ErrorMessage.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDay, RoundStatusTag } from "../../components/RoundStatusTag.tsx";
import { useEvaluationRound } from "../../evaluation-api.ts";
import { useEvaluationMessages } from "../../i18n/evaluation-messages.ts";
import { PlannerControls } from "./PlannerControls.tsx";
import { PanelProgress, Results } from "./Results.tsx";
import { ScoreSection } from "./ScoreSection.tsx";
import { SelfAssessment } from "./SelfAssessment.tsx";

/** /evalueringer/:roundId: one evaluation round, for the planner, a panelist or a measure owner. */
export function EvaluationRoundPage() {
  const { roundId = "" } = useParams();
  const { e, language } = useEvaluationMessages();
  const municipality = useCurrentMunicipality();
  const number = municipality.data?.number ?? "";
  const round = useEvaluationRound(municipality.data?.role ? number : undefined, roundId);
  if (!round.data) {
    return (
      <>
        <AppLink to="/evalueringer">{e("ev.back")}</AppLink>
        {round.isError ? <ErrorMessage error={round.error} /> : <QueryState isError={false} />}
      </>
    );
  }
  const r = round.data;
  const mayUpdate = r.allowedActions.includes("update");
  const ownSelfAssessments = r.selfAssessments.filter((s) => s.mayEdit || !r.results);
  return (
    <>
      <AppLink to="/evalueringer">{e("ev.back")}</AppLink>
      <Heading level={1} data-size="lg">
        {r.title}
      </Heading>
      <Paragraph>
        {e("ev.meta", { year: r.cycle.budgetYear, deadline: formatDay(r.deadline, language) })}{" "}
        <RoundStatusTag status={r.status} publishedAt={r.publishedAt} />
      </Paragraph>
      {!r.acceptsAnswers && (
        <Alert data-color="warning">
          {r.status === "closed" ? e("ev.closedNote") : e("ev.deadlinePassed")}
        </Alert>
      )}
      {mayUpdate && <PlannerControls round={r} number={number} />}
      {r.isPanelist && <ScoreSection round={r} number={number} />}
      {ownSelfAssessments.length > 0 && !r.results && (
        <section className="pv-ev-section" aria-labelledby="self-assessments">
          <Heading level={2} data-size="md" id="self-assessments">
            {e("ev.yourSelfAssessments")}
          </Heading>
          {ownSelfAssessments.map((s) => {
            const measure = r.measures.find((m) => m.reference === s.reference);
            return (
              <SelfAssessment
                key={s.reference}
                round={r}
                number={number}
                entry={s}
                label={`${s.reference} ${measure?.title ?? ""}`}
              />
            );
          })}
        </section>
      )}
      {r.panel && <PanelProgress round={r} />}
      {r.results && <Results round={r} number={number} />}
    </>
  );
}
