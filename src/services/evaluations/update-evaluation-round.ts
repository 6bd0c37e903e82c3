import { and, eq, sql } from "drizzle-orm";
import { evaluationPanelists, evaluationRoundMeasures, evaluationRounds } from "../../db/schema/index.ts";
import { AppError, staleDetail } from "../../errors.ts";
import type { Mailer } from "../../infra/mailer.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { checkRoundSetup, type RoundSetup, tellPanelists } from "./create-evaluation-round.ts";
import { loadRound, roundObject } from "./evaluation-data.ts";

/**
 * A planner changes an open round: title, criteria, deadline, measures, panel. Answers already
 * given stay; a removed criterion's scores are kept but no longer counted. New panelists get e-mail.
 */
export async function updateEvaluationRound({
  ctx,
  input,
  mailer,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; roundId: string; version: number } & RoundSetup;
  mailer?: Mailer;
}): Promise<{ id: string; version: number }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const result = await ctx.db.transaction(async (tx) => {
    const before = await loadRound(tx, tenant, input.roundId);
    authorize(ctx, tenant, "update", "evaluation", roundObject(before), "evaluationRound");
    if (before.round.status !== "open") throw new AppError("conflict", "evaluation.roundClosedSetup");
    const { criteria, measureIds, panel } = await checkRoundSetup(tx, tenant, before.round.cycleId, input);
    const [round] = await tx
      .update(evaluationRounds)
      .set({
        title: input.title.trim(),
        criteria,
        deadline: input.deadline,
        version: sql`${evaluationRounds.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(evaluationRounds.id, before.round.id), eq(evaluationRounds.version, input.version)))
      .returning();
    if (!round)
      throw new AppError("conflict", "evaluation.roundChangedByOther", {}, [staleDetail(before.round)]);
    await tx.delete(evaluationRoundMeasures).where(eq(evaluationRoundMeasures.roundId, round.id));
    await tx
      .insert(evaluationRoundMeasures)
      .values(measureIds.map((measureId) => ({ municipalityId: tenant.id, roundId: round.id, measureId })));
    await tx.delete(evaluationPanelists).where(eq(evaluationPanelists.roundId, round.id));
    await tx
      .insert(evaluationPanelists)
      .values(panel.map((p) => ({ municipalityId: tenant.id, roundId: round.id, userId: p.userId })));
    const oldPanel = new Set(before.panel.map((p) => p.userId));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "evaluation_round",
        objectId: round.id,
        objectLabel: round.title,
        action: "update",
        changes: {
          title: { before: before.round.title, after: round.title },
          deadline: { before: before.round.deadline, after: round.deadline },
          criteria: {
            before: before.round.criteria.map((c) => c.title),
            after: criteria.map((c) => c.title),
          },
          measures: { before: before.measures.map((m) => m.reference), after: input.measures },
          panel: { before: before.panel.map((p) => p.name), after: panel.map((p) => p.name) },
        },
      },
      ctx.requestId,
    );
    const added = panel.filter((p) => !oldPanel.has(p.userId));
    if (mailer?.queue) await tellPanelists(mailer, added, round, ctx.requestId, tx);
    return { round, added };
  });
  if (!mailer?.queue) await tellPanelists(mailer, result.added, result.round, ctx.requestId);
  return { id: result.round.id, version: result.round.version };
}
