import { and, eq } from "drizzle-orm";
import { measures, measureVersions } from "../db/schema/index.ts";
import { AppError, notFound } from "../errors.ts";
import { authorize, resolveTenant } from "./access.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";
import { planIdOfMeasure, workingActionPlan } from "./working-action-plan.ts";

/** A planner has looked at a measure flagged «må vurderes» and keeps it as it is. */
export async function markMeasureReviewed({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    const [measure] = await tx
      .select()
      .from(measures)
      .where(and(eq(measures.municipalityId, tenant.id), eq(measures.reference, input.reference)));
    const planId = measure ? await planIdOfMeasure(tx, measure.id) : null;
    if (!measure || !planId) throw notFound("Tiltaket");
    authorize(ctx, tenant, "update", "measure", {}, "Tiltaket");
    const actionPlan = await workingActionPlan(tx, tenant.id, planId);
    const [version] = await tx
      .update(measureVersions)
      .set({ needsReview: false, reviewNote: "", updatedAt: new Date() })
      .where(
        and(
          eq(measureVersions.measureId, measure.id),
          eq(measureVersions.actionPlanVersionId, actionPlan.id),
          eq(measureVersions.needsReview, true),
        ),
      )
      .returning();
    if (!version) throw new AppError("conflict", "Tiltaket er ikke merket «må vurderes».");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: measure.reference,
        action: "reviewed",
        changes: { needsReview: { before: true, after: false } },
      },
      ctx.requestId,
    );
  });
}
