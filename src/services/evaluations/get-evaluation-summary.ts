import { eq } from "drizzle-orm";
import { evaluationAnswers } from "../../db/schema/index.ts";
import type { EvaluationCriterion } from "../../domain/evaluation.ts";
import { aggregateMeasure, type MeasureResult } from "../../domain/evaluation.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { loadRound, roundObject } from "./evaluation-data.ts";

/**
 * The anonymous summary of a round: aggregated numbers per measure and sector, the recommendations
 * counted; no names, no individual scores, no comments. Anyone once published; planners before.
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
  measures: { reference: string; title: string; result: MeasureResult }[];
}> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const round = await loadRound(ctx.db, tenant, input.roundId);
  authorize(ctx, tenant, "read_summary", "evaluation", roundObject(round), "evaluationRound");
  const answers = await ctx.db
    .select()
    .from(evaluationAnswers)
    .where(eq(evaluationAnswers.roundId, round.round.id));
  const sectorOf = new Map(round.panel.map((p) => [p.userId, p.sector]));
  return {
    id: round.round.id,
    title: round.round.title,
    budgetYear: round.budgetYear,
    criteria: round.round.criteria,
    publishedAt: round.round.publishedAt?.toISOString() ?? null,
    panelCount: round.panel.length,
    measures: round.measures.map((m) => ({
      reference: m.reference,
      title: m.title,
      result: aggregateMeasure(
        round.round.criteria,
        answers.flatMap((a) => {
          const sector = sectorOf.get(a.userId);
          return a.measureId === m.measureId && sector
            ? [{ sector, scores: a.scores, recommendation: a.recommendation }]
            : [];
        }),
      ),
    })),
  };
}
