import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { measures, removedMeasureVersions } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { restoreRemoved } from "../measures/take-out.ts";
import { computeFrameCheck, type FrameCheckView } from "./frame-check.ts";
import { lockDraftForPrioritisation } from "./internal.ts";

/** The newest applied prioritisation of a draft with measures still out: its rows, newest first. */
export async function lastAppliedRows(db: DbOrTx, municipalityId: string, actionPlanVersionId: string) {
  const [newest] = await db
    .select({ id: removedMeasureVersions.prioritisationId })
    .from(removedMeasureVersions)
    .where(
      and(
        eq(removedMeasureVersions.municipalityId, municipalityId),
        eq(removedMeasureVersions.actionPlanVersionId, actionPlanVersionId),
        isNotNull(removedMeasureVersions.prioritisationId),
        isNull(removedMeasureVersions.restoredAt),
      ),
    )
    .orderBy(desc(removedMeasureVersions.removedAt))
    .limit(1);
  if (!newest?.id) return null;
  const rows = await db
    .select({ removed: removedMeasureVersions, reference: measures.reference })
    .from(removedMeasureVersions)
    .innerJoin(measures, eq(measures.id, removedMeasureVersions.measureId))
    .where(
      and(eq(removedMeasureVersions.prioritisationId, newest.id), isNull(removedMeasureVersions.restoredAt)),
    )
    .orderBy(measures.reference);
  return { prioritisationId: newest.id, rows };
}

/**
 * Undoes the newest applied prioritisation of the cycle's draft in one step: every measure it took
 * out (and not yet put back) returns with its reference, content and costs. Refused after adoption.
 */
export async function undoPrioritisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string };
}): Promise<{ restored: string[]; frameCheck: FrameCheckView }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
  const result = await ctx.db.transaction(async (tx) => {
    const { cycle, version } = await lockDraftForPrioritisation(tx, tenant, input.cycleId);
    const last = await lastAppliedRows(tx, tenant.id, version.id);
    if (!last) throw new AppError("conflict", "removal.nothingToUndo", { year: cycle.budgetYear });
    await restoreRemoved(
      tx,
      ctx,
      tenant,
      last.rows.map((r) => ({ ...r.removed, reference: r.reference })),
    );
    const restored = last.rows.map((r) => r.reference);
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "action_plan",
        objectId: version.id,
        objectLabel: `Handlingsplan ${cycle.budgetYear}`,
        action: "undo_prioritisation",
        changes: { restored: { before: null, after: restored.join(", ") } },
      },
      ctx.requestId,
    );
    return { restored, cycleId: cycle.id, versionId: version.id };
  });
  return {
    restored: result.restored,
    frameCheck: await computeFrameCheck(ctx.db, tenant.id, result.cycleId, result.versionId),
  };
}
