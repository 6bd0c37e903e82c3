import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { actionPlanVersions, evaluationRounds } from "../../db/schema/index.ts";
import { roundChangeConsequences } from "../../domain/consequences.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import { auditText } from "../consequence-texts.ts";
import type { ServiceContext } from "../context.ts";
import { loadRound, roundObject } from "./evaluation-data.ts";
import { roundChangeFacts } from "./round-consequences.ts";

export const roundStateChanges = ["close", "reopen", "publish", "unpublish"] as const;
export type RoundStateChange = (typeof roundStateChanges)[number];

/**
 * A planner closes a round (no more answers), reopens it, or publishes its anonymous summary
 * (only a closed round) and takes the publication back. Reopening takes a publication back too.
 */
export async function setEvaluationRoundState({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; roundId: string; version: number; change: RoundStateChange };
}): Promise<{ status: "open" | "closed"; publishedAt: string | null; version: number }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const before = await loadRound(tx, tenant, input.roundId);
    authorize(ctx, tenant, "update", "evaluation", roundObject(before), "evaluationRound");
    const now = new Date();
    const next = {
      status: before.round.status,
      closedAt: before.round.closedAt,
      publishedAt: before.round.publishedAt,
    };
    switch (input.change) {
      case "close":
        if (before.round.status === "closed") throw new AppError("conflict", "evaluation.alreadyClosed");
        Object.assign(next, { status: "closed", closedAt: now });
        break;
      case "reopen":
        if (before.round.status === "open") throw new AppError("conflict", "evaluation.alreadyOpen");
        Object.assign(next, { status: "open", closedAt: null, publishedAt: null });
        break;
      case "publish":
        if (before.round.status !== "closed") throw new AppError("conflict", "evaluation.closeBeforePublish");
        if (before.round.publishedAt) throw new AppError("conflict", "evaluation.alreadyPublished");
        // The public reads only what is adopted: a summary of draft measures would publish them.
        if (!(await cycleHasAdoptedPlan(tx, before.round.cycleId)))
          throw new AppError("conflict", "evaluation.publishAfterAdoption");
        next.publishedAt = now;
        break;
      case "unpublish":
        if (!before.round.publishedAt) throw new AppError("conflict", "evaluation.notPublished");
        next.publishedAt = null;
        break;
    }
    // Warnings, not walls (closing at 2 of 6 answers): kept with the change in the audit trail.
    const { warnings } = roundChangeConsequences(input.change, await roundChangeFacts(tx, before, "nb"));
    const [round] = await tx
      .update(evaluationRounds)
      .set({ ...next, version: sql`${evaluationRounds.version} + 1`, updatedAt: now })
      .where(and(eq(evaluationRounds.id, before.round.id), eq(evaluationRounds.version, input.version)))
      .returning();
    if (!round) throw new AppError("conflict", "evaluation.roundChangedByOther");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "evaluation_round",
        objectId: round.id,
        objectLabel: round.title,
        action: input.change,
        changes: {
          status: { before: before.round.status, after: round.status },
          publishedAt: {
            before: before.round.publishedAt?.toISOString() ?? null,
            after: round.publishedAt?.toISOString() ?? null,
          },
          ...(warnings.length > 0 ? { warnings: { before: null, after: warnings.map(auditText) } } : {}),
        },
      },
      ctx.requestId,
    );
    return {
      status: round.status,
      publishedAt: round.publishedAt?.toISOString() ?? null,
      version: round.version,
    };
  });
}

async function cycleHasAdoptedPlan(tx: DbOrTx, cycleId: string) {
  const [row] = await tx
    .select({ id: actionPlanVersions.id })
    .from(actionPlanVersions)
    .where(and(eq(actionPlanVersions.cycleId, cycleId), eq(actionPlanVersions.status, "adopted")))
    .limit(1);
  return Boolean(row);
}
