import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { recommendations } from "../../domain/evaluation.ts";
import type { LatestEvaluationResponse } from "../../http/routes/evaluations.ts";
import { browserFetchJson } from "../api.ts";
import { useEvaluationMessages } from "../i18n/evaluation-messages.ts";
import { AppLink } from "./AppLink.tsx";

/**
 * A measure's latest closed evaluation: overall mean and the panel's recommendations, where the
 * planner decides about next year. Informative only; shown to those who read drafts.
 */
export function LatestEvaluation({
  municipalityNumber,
  reference,
}: {
  municipalityNumber: string;
  reference: string;
}) {
  const { e, score } = useEvaluationMessages();
  const path = `/api/municipalities/${municipalityNumber}/measures/${encodeURIComponent(reference)}/evaluation`;
  const latest = useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<LatestEvaluationResponse>,
    retry: false,
  });
  const data = latest.data;
  if (!data) return null;
  const given = recommendations.filter((r) => data.recommendations[r] > 0);
  return (
    <Alert data-color="info" data-testid="latest-evaluation">
      <Heading level={2} data-size="2xs">
        {e("ev.latestHeading")}
      </Heading>
      <Paragraph>
        {data.score === null
          ? e("ev.latestNoScore", { round: data.roundTitle, count: data.answers })
          : e("ev.latest", { round: data.roundTitle, score: score(data.score), count: data.answers })}{" "}
        {given.length > 0 &&
          e("ev.latestRecs", {
            list: given
              .map((r) => `${e(`ev.rec.${r}`).toLocaleLowerCase("nb")} ${data.recommendations[r]}`)
              .join(", "),
          })}
      </Paragraph>
      <AppLink to={`/evalueringer/${data.roundId}`}>{e("ev.openRound")}</AppLink>
    </Alert>
  );
}
