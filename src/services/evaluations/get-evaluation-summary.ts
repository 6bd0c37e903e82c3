import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { evaluationAnswers } from "../../db/schema/index.ts";
import {
  type AnonymisedMeasureResult,
  aggregateMeasure,
  anonymiseResult,
  type EvaluationCriterion,
  minimumGroupSize,
} from "../../domain/evaluation.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { type LoadedRound, loadRound, roundObject } from "./evaluation-data.ts";

/** The measures of a round with their anonymised results, and how many panelists answered anything. */
export async function anonymisedResults(db: DbOrTx, round: LoadedRound) {
  const answers = await db
    .select()
    .from(evaluationAnswers)
    .where(eq(evaluationAnswers.roundId, round.round.id));
  const sectorOf = new Map(round.panel.map((p) => [p.userId, p.sector]));
  const measures = round.measures.map((m) => ({
    reference: m.reference,
    title: m.title,
    result: anonymiseResult(
      aggregateMeasure(
        round.round.criteria,
        answers.flatMap((a) => {
          const sector = sectorOf.get(a.userId);
          return a.measureId === m.measureId && sector
            ? [{ sector, scores: a.scores, recommendation: a.recommendation }]
            : [];
        }),
      ),
      minimumGroupSize,
    ),
  }));
  const answered = new Set(answers.filter((a) => sectorOf.has(a.userId)).map((a) => a.userId)).size;
  return { measures, answered };
}

/**
 * The anonymous summary of a round: aggregated numbers per measure and sector, the recommendations
 * counted; no names, no individual scores, no comments. A group (a sector, or the whole panel) with
 * fewer than three respondents is never shown, nor one that the others would give away by
 * subtraction; the answer states the rule. Anyone once published; planners before.
 */
export async function getEvaluationSummary({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; roundId: string };
}): Promise<{
  id: string;
  title: string;
  budgetYear: number;
  criteria: EvaluationCriterion[];
  publishedAt: string | null;
  panelCount: number;
  anonymity: { minimumGroupSize: number; ruleKey: "evaluation.anonymityRule" };
  measures: { reference: string; title: string; result: AnonymisedMeasureResult }[];
}> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const round = await loadRound(ctx.db, tenant, input.roundId);
  authorize(ctx, tenant, "read_summary", "evaluation", roundObject(round), "evaluationRound");
  const { measures } = await anonymisedResults(ctx.db, round);
  return {
    id: round.round.id,
    title: round.round.title,
    budgetYear: round.budgetYear,
    criteria: round.round.criteria,
    publishedAt: round.round.publishedAt?.toISOString() ?? null,
    panelCount: round.panel.length,
    anonymity: { minimumGroupSize, ruleKey: "evaluation.anonymityRule" },
    measures,
  };
}
