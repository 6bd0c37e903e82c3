import { and, eq } from "drizzle-orm";
import { measures, measureVersions } from "../db/schema/index.ts";
import { diffFields } from "../domain/audit.ts";
import { AppError, notFound } from "../errors.ts";
import { authorize, resolveTenant } from "./access.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";
import {
  checkMeasureContent,
  contentFields,
  contentOf,
  type MeasureContent,
  writeMeasureRelations,
} from "./measure-content.ts";
import { loadMeasureRows } from "./measure-rows.ts";
import { planIdOfMeasure, workingActionPlan } from "./working-action-plan.ts";

/**
 * Edits a measure's content in the draft action plan. `version` is the content version the person
 * edited; a stale one gets 409 with the current content.
 */
export async function updateMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; version: number; content: MeasureContent };
}): Promise<{ reference: string; version: number }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const [measure] = await tx
      .select()
      .from(measures)
      .where(and(eq(measures.municipalityId, tenant.id), eq(measures.reference, input.reference)));
    if (!measure) throw notFound("Tiltaket");
    const planId = await planIdOfMeasure(tx, measure.id);
    if (!planId) throw notFound("Tiltaket");
    authorize(ctx, tenant, "update", "measure", {}, "Tiltaket");
    const actionPlan = await workingActionPlan(tx, tenant.id, planId);
    const [locked] = await tx
      .select()
      .from(measureVersions)
      .where(
        and(
          eq(measureVersions.measureId, measure.id),
          eq(measureVersions.actionPlanVersionId, actionPlan.id),
        ),
      )
      .for("update");
    if (!locked)
      throw new AppError(
        "validation",
        `Tiltaket er ikke med i handlingsplanen for ${actionPlan.budgetYear}.`,
      );
    const [row] = await loadMeasureRows(tx, tenant.id, actionPlan.id, measure.id);
    if (!row) throw notFound("Tiltaket");
    const before = contentOf(row);
    if (locked.version !== input.version) {
      throw new AppError("conflict", "Noen andre har endret tiltaket etter at du åpnet det.", {
        current: { ...before, version: locked.version },
      });
    }
    const after = await checkMeasureContent(tx, tenant, planId, input.content);
    const changes = diffFields(before, after, contentFields);
    if (Object.keys(changes).length === 0 && !locked.needsReview)
      return { reference: measure.reference, version: locked.version };
    await tx
      .update(measureVersions)
      .set({
        focusAreaId: after.focusAreaId,
        title: after.title,
        description: after.description,
        responsibleUnit: after.responsibleUnit,
        contactPerson: after.contactPerson,
        ownerUserId: after.ownerUserId,
        startYear: after.startYear,
        endYear: after.endYear,
        tags: after.tags,
        links: after.links,
        // Saving the measure means a planner has looked at it: «må vurderes» is done.
        needsReview: false,
        reviewNote: "",
        version: locked.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(measureVersions.id, locked.id));
    await writeMeasureRelations(tx, tenant.id, locked.id, after);
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: `${measure.reference} ${after.title}`,
        action: "update",
        changes,
      },
      ctx.requestId,
    );
    return { reference: measure.reference, version: locked.version + 1 };
  });
}
