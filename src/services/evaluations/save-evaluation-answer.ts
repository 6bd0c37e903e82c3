import { and, eq } from "drizzle-orm";
import { evaluationAnswers } from "../../db/schema/index.ts";
import { acceptsAnswers, type Recommendation, scoreProblems } from "../../domain/evaluation.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { saveVersionedRow } from "../save-versioned-row.ts";
import { loadRound, roundObject, todayInNorway } from "./evaluation-data.ts";

export type SavedAnswer = {
  reference: string;
  scores: Record<string, number | null>;
  comment: string;
  recommendation: Recommendation | null;
  version: number;
  updatedAt: string;
};

/**
 * A panelist saves their answer about one measure of a round (saved as they go): scores per
 * criterion (1–5, or null for «kan ikke vurdere»), a comment and a recommendation. Only their own
 * answer, only while the round is open and the deadline has not passed. `version` is the one they
 * edited (null for a first answer); a stale one is refused.
 */
export async function saveEvaluationAnswer({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    roundId: string;
    reference: string;
    version: number | null;
    scores: Record<string, number | null>;
    comment: string;
    recommendation: Recommendation | null;
  };
}): Promise<SavedAnswer> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  if (ctx.actor.kind !== "user") throw new AppError("unauthenticated", "auth.signInRequired");
  const userId = ctx.actor.userId;
  return ctx.db.transaction(async (tx) => {
    const round = await loadRound(tx, tenant, input.roundId);
    authorize(ctx, tenant, "score", "evaluation", roundObject(round), "evaluationRound");
    const measure = round.measures.find((m) => m.reference === input.reference);
    if (!measure) throw notFound("roundMeasure");
    if (!acceptsAnswers(round.round, todayInNorway()))
      throw round.round.status === "closed"
        ? new AppError("conflict", "evaluation.roundClosedAnswers")
        : new AppError("conflict", "evaluation.deadlinePassed", { deadline: round.round.deadline });
    const problems = scoreProblems(round.round.criteria, input.scores);
    if (problems.length)
      throw new AppError(
        "validation",
        "common.untranslated",
        { text: problems.join(" ") },
        problems.map((message) => ({ path: "/", message })),
      );
    const { existing, saved } = await saveVersionedRow(tx, {
      table: evaluationAnswers,
      where: and(
        eq(evaluationAnswers.roundId, round.round.id),
        eq(evaluationAnswers.measureId, measure.measureId),
        eq(evaluationAnswers.userId, userId),
      ),
      version: input.version,
      stale: (current) =>
        new AppError("conflict", "evaluation.answerChangedElsewhere", {}, [staleDetail(current)]),
      update: { scores: input.scores, comment: input.comment, recommendation: input.recommendation },
      insert: {
        municipalityId: tenant.id,
        roundId: round.round.id,
        measureId: measure.measureId,
        userId,
        scores: input.scores,
        comment: input.comment,
        recommendation: input.recommendation,
      },
    });
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "evaluation_answer",
        objectId: saved.id,
        objectLabel: `${round.round.title}: ${measure.reference}`,
        action: existing ? "update" : "create",
        changes: {
          scores: { before: existing?.scores ?? null, after: saved.scores },
          comment: { before: existing?.comment ?? null, after: saved.comment },
          recommendation: { before: existing?.recommendation ?? null, after: saved.recommendation },
        },
      },
      ctx.requestId,
    );
    return {
      reference: measure.reference,
      scores: saved.scores,
      comment: saved.comment,
      recommendation: saved.recommendation,
      version: saved.version,
      updatedAt: saved.updatedAt.toISOString(),
    };
  });
}
