import { eq, inArray } from "drizzle-orm";
import {
  actionPlanVersions,
  measures,
  measureVersions,
  milestones,
  removedMeasureVersions,
} from "../../db/schema/index.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { measureByReference } from "./internal.ts";

/**
 * Deletes a measure that has never been part of an adopted action plan, with its identity row: an
 * API operation (the web offers «Ta ut av forslaget» instead, which keeps the measure so it can be
 * put back). Once adopted, a measure is part of a public decision: it is stopped or finished, never
 * deleted.
 */
export async function deleteMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; version: number };
}): Promise<void> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    const measure = await measureByReference(tx, tenant, input.reference, { lock: true });
    authorize(ctx, tenant, "delete", "measure", {}, "measure");
    const versions = await tx
      .select({
        id: measureVersions.id,
        title: measureVersions.title,
        status: actionPlanVersions.status,
        version: measureVersions.version,
      })
      .from(measureVersions)
      .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
      .where(eq(measureVersions.measureId, measure.id));
    if (versions.some((v) => v.status === "adopted")) {
      throw new AppError("conflict", "measure.adoptedCannotDelete", { reference: measure.reference });
    }
    const draft = versions[0];
    if (!draft) throw notFound("measure");
    if (draft.version !== input.version) {
      throw new AppError("conflict", "measure.changedByOther");
    }
    // Measure costs, goals, objectives and partners of the versions go with them (ON DELETE CASCADE).
    await tx.delete(milestones).where(eq(milestones.measureId, measure.id));
    if (versions.length > 0)
      await tx.delete(measureVersions).where(
        inArray(
          measureVersions.id,
          versions.map((v) => v.id),
        ),
      );
    // Kept snapshots of earlier take-outs go with the measure.
    await tx.delete(removedMeasureVersions).where(eq(removedMeasureVersions.measureId, measure.id));
    // The identity row is removed too; the audit entry records the reference it had.
    await tx.delete(measures).where(eq(measures.id, measure.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: `${measure.reference} ${draft.title}`,
        action: "delete",
        changes: { title: { before: draft.title, after: null } },
      },
      ctx.requestId,
    );
  });
}
