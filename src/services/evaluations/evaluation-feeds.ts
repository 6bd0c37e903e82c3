import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  evaluationAnswers,
  evaluationPanelists,
  evaluationRoundMeasures,
  evaluationRounds,
} from "../../db/schema/index.ts";
import { aggregateMeasure, type Recommendation } from "../../domain/evaluation.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { findVisibleMeasure } from "../measures/get-measure.ts";

export type LatestEvaluation = {
  roundId: string;
  roundTitle: string;
  closedAt: string;
  /** Mean over the criteria's means (1–5); null when nobody scored. */
  score: number | null;
  answers: number;
  recommendations: Record<Recommendation, number>;
};

/**
 * Each measure's result in the latest closed round that evaluated it: the score prioritisation can
 * use as value, and the recommendations the planner sees when deciding about next year.
 */
export async function latestEvaluations(
  db: DbOrTx,
  municipalityId: string,
  measureIds: string[],
): Promise<Map<string, LatestEvaluation>> {
  const result = new Map<string, LatestEvaluation>();
  if (measureIds.length === 0) return result;
  const links = await db
    .select({
      measureId: evaluationRoundMeasures.measureId,
      roundId: evaluationRounds.id,
      title: evaluationRounds.title,
      criteria: evaluationRounds.criteria,
      closedAt: evaluationRounds.closedAt,
    })
    .from(evaluationRoundMeasures)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationRoundMeasures.roundId))
    .where(
      and(
        eq(evaluationRounds.municipalityId, municipalityId),
        eq(evaluationRounds.status, "closed"),
        isNotNull(evaluationRounds.closedAt),
        inArray(evaluationRoundMeasures.measureId, measureIds),
      ),
    )
    .orderBy(desc(evaluationRounds.closedAt));
  const latest = new Map<string, (typeof links)[number]>();
  for (const l of links) if (!latest.has(l.measureId)) latest.set(l.measureId, l);
  if (latest.size === 0) return result;
  const roundIds = [...new Set([...latest.values()].map((l) => l.roundId))];
  const answers = await db
    .select({
      roundId: evaluationAnswers.roundId,
      measureId: evaluationAnswers.measureId,
      scores: evaluationAnswers.scores,
      recommendation: evaluationAnswers.recommendation,
    })
    .from(evaluationAnswers)
    .innerJoin(
      evaluationPanelists,
      and(
        eq(evaluationPanelists.roundId, evaluationAnswers.roundId),
        eq(evaluationPanelists.userId, evaluationAnswers.userId),
      ),
    )
    .where(inArray(evaluationAnswers.roundId, roundIds));
  for (const [measureId, l] of latest) {
    const about = answers.filter((a) => a.roundId === l.roundId && a.measureId === measureId);
    const aggregate = aggregateMeasure(
      l.criteria,
      about.map((a) => ({ sector: "other" as const, scores: a.scores, recommendation: a.recommendation })),
    );
    result.set(measureId, {
      roundId: l.roundId,
      roundTitle: l.title,
      closedAt: (l.closedAt ?? new Date(0)).toISOString(),
      score: aggregate.overallMean,
      answers: aggregate.answers,
      recommendations: aggregate.recommendations,
    });
  }
  return result;
}

/**
 * A measure's latest closed evaluation, for the planner deciding about next year (measure page,
 * rolling): informative only, it changes nothing. Internal readers only; null when never evaluated.
 */
export async function getLatestMeasureEvaluation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string };
}): Promise<LatestEvaluation | null> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const { measure } = await findVisibleMeasure(ctx.db, tenant, input.reference);
  authorize(ctx, tenant, "read_drafts", "measure", {}, "measure");
  return (await latestEvaluations(ctx.db, tenant.id, [measure.id])).get(measure.id) ?? null;
}
