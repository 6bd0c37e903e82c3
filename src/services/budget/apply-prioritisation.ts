import { and, eq, inArray } from "drizzle-orm";
import { cycles, measures, measureVersions } from "../../db/schema/index.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { computeFrameCheck, type FrameCheckView } from "./frame-check.ts";
import { cycleAndNewestVersion, requireDraft } from "./internal.ts";

/**
 * Applies a proposal: the named measures leave the cycle's DRAFT action plan (their versions there,
 * with costs and links, are removed), in one transaction, audited per measure as «deprioritise».
 * The measures themselves stay (reference, running state, history and any adopted versions), as
 * with a measure that is not carried into a new plan. Mandatory measures are refused.
 */
export async function applyPrioritisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string; drop: string[] };
}): Promise<{ dropped: string[]; frameCheck: FrameCheckView }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
  const references = [...new Set(input.drop)];
  const result = await ctx.db.transaction(async (tx) => {
    // Lock the cycle, so adoption or another prioritisation cannot interleave.
    const [locked] = await tx
      .select({ id: cycles.id })
      .from(cycles)
      .where(and(eq(cycles.id, input.cycleId), eq(cycles.municipalityId, tenant.id)))
      .for("update");
    if (!locked) throw notFound("cycle");
    const { cycle, version } = await cycleAndNewestVersion(tx, tenant, input.cycleId);
    requireDraft(cycle, version);
    const rows =
      references.length > 0
        ? await tx
            .select({
              measure: measures,
              versionId: measureVersions.id,
              title: measureVersions.title,
              mandatory: measureVersions.mandatory,
            })
            .from(measureVersions)
            .innerJoin(measures, eq(measures.id, measureVersions.measureId))
            .where(
              and(
                eq(measureVersions.actionPlanVersionId, version.id),
                eq(measures.municipalityId, tenant.id),
                inArray(measures.reference, references),
              ),
            )
            .for("update", { of: measureVersions })
        : [];
    const found = new Set(rows.map((r) => r.measure.reference));
    const missing = references.filter((r) => !found.has(r));
    if (missing.length > 0)
      throw new AppError(
        "conflict",
        "actionPlan.notInDraft",
        { year: cycle.budgetYear, references: missing.join(", ") },
        { missing },
      );
    const mandatory = rows.filter((r) => r.mandatory).map((r) => r.measure.reference);
    if (mandatory.length > 0)
      throw new AppError(
        "conflict",
        "actionPlan.mandatoryCannotBeLeftOut",
        { references: mandatory.join(", ") },
        { mandatory },
      );
    if (rows.length > 0)
      await tx.delete(measureVersions).where(
        inArray(
          measureVersions.id,
          rows.map((r) => r.versionId),
        ),
      );
    for (const r of rows) {
      await recordAudit(
        tx,
        ctx.actor,
        {
          municipalityId: tenant.id,
          objectType: "measure",
          objectId: r.measure.id,
          objectLabel: `${r.measure.reference} ${r.title}`,
          action: "deprioritise",
          changes: {
            actionPlan: { before: `Handlingsplan ${cycle.budgetYear} (utkast)`, after: null },
          },
        },
        ctx.requestId,
      );
    }
    return { dropped: rows.map((r) => r.measure.reference), cycleId: cycle.id, versionId: version.id };
  });
  // After the commit, on the pool: the frame check runs its queries side by side.
  return {
    dropped: result.dropped,
    frameCheck: await computeFrameCheck(ctx.db, tenant.id, result.cycleId, result.versionId),
  };
}
