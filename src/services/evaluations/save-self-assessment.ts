import { and, eq } from "drizzle-orm";
import { evaluationSelfAssessments } from "../../db/schema/index.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { saveVersionedRow } from "../save-versioned-row.ts";
import { loadRound, roundObject } from "./evaluation-data.ts";

/**
 * The measure's owner (or a planner) writes the self-assessment of a measure in a round, while the
 * round is open. `version` is the one edited (null for the first); a stale one is refused.
 */
export async function saveSelfAssessment({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    roundId: string;
    reference: string;
    version: number | null;
    text: string;
  };
}): Promise<{ reference: string; text: string; version: number }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const round = await loadRound(tx, tenant, input.roundId);
    const measure = round.measures.find((m) => m.reference === input.reference);
    // Someone who may not even see the round learns nothing about which measures are in it.
    if (!measure) {
      authorize(ctx, tenant, "read", "evaluation", roundObject(round), "evaluationRound");
      throw notFound("roundMeasure");
    }
    authorize(
      ctx,
      tenant,
      "self_assess",
      "evaluation",
      { ...roundObject(round), ownerUserId: measure.ownerUserId },
      "evaluationRound",
    );
    if (round.round.status !== "open") throw new AppError("conflict", "evaluation.selfAssessmentClosed");
    const authorUserId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    const { existing, saved } = await saveVersionedRow(tx, {
      table: evaluationSelfAssessments,
      where: and(
        eq(evaluationSelfAssessments.roundId, round.round.id),
        eq(evaluationSelfAssessments.measureId, measure.measureId),
      ),
      version: input.version,
      stale: (current) =>
        new AppError("conflict", "evaluation.selfAssessmentChangedByOther", {}, [staleDetail(current)]),
      update: { text: input.text, authorUserId },
      insert: {
        municipalityId: tenant.id,
        roundId: round.round.id,
        measureId: measure.measureId,
        text: input.text,
        authorUserId,
      },
    });
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "evaluation_self_assessment",
        objectId: saved.id,
        objectLabel: `${round.round.title}: ${measure.reference}`,
        action: existing ? "update" : "create",
        changes: { text: { before: existing?.text ?? null, after: saved.text } },
      },
      ctx.requestId,
    );
    return { reference: measure.reference, text: saved.text, version: saved.version };
  });
}
