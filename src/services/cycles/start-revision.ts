import { and, desc, eq, gt } from "drizzle-orm";
import { actionPlanVersions, cycles, measureVersions } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { copyMeasureVersions } from "./copy-measure-versions.ts";
import { lockCycle } from "./cycles.ts";

/**
 * Opens a numbered revision of an adopted action plan (e.g. the budget revision at 1. tertial): a new
 * draft version, a copy of the adopted one, with the reason. The adopted version stays as it was.
 */
export async function startRevision({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string; reason: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const cycle = await lockCycle(tx, tenant, input.cycleId);
    authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
    const [later] = await tx
      .select({ budgetYear: cycles.budgetYear })
      .from(cycles)
      .where(and(eq(cycles.planId, cycle.planId), gt(cycles.budgetYear, cycle.budgetYear)))
      .limit(1);
    if (later) {
      throw new AppError("conflict", "cycle.laterCycleExists", {
        later: later.budgetYear,
        year: cycle.budgetYear,
      });
    }
    const [newest] = await tx
      .select()
      .from(actionPlanVersions)
      .where(eq(actionPlanVersions.cycleId, cycle.id))
      .orderBy(desc(actionPlanVersions.revision))
      .limit(1);
    if (newest?.status !== "adopted") {
      throw new AppError("conflict", "cycle.revisionOnlyFromAdopted");
    }
    const [revision] = await tx
      .insert(actionPlanVersions)
      .values({
        municipalityId: tenant.id,
        cycleId: cycle.id,
        revision: newest.revision + 1,
        status: "draft",
        reason: input.reason.trim(),
      })
      .returning();
    if (!revision) throw new Error("revision not inserted");
    const sources = await tx
      .select({ id: measureVersions.id })
      .from(measureVersions)
      .where(eq(measureVersions.actionPlanVersionId, newest.id));
    await copyMeasureVersions(
      tx,
      sources.map((s) => s.id),
      revision.id,
    );
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "action_plan",
        objectId: revision.id,
        objectLabel: `Handlingsplan ${cycle.budgetYear}, revisjon ${revision.revision}`,
        action: "start_revision",
        changes: { reason: { before: null, after: revision.reason } },
      },
      ctx.requestId,
    );
    return { budgetYear: cycle.budgetYear, revision: revision.revision, status: revision.status };
  });
}
