import { and, eq, inArray } from "drizzle-orm";
import { measures, measureVersions } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import {
  DEFAULT_PRIORITISATION_REASON,
  newPrioritisationId,
  snapshotAndRemove,
} from "../measures/take-out.ts";
import { computeFrameCheck, type FrameCheckView } from "./frame-check.ts";
import { lockDraftForPrioritisation } from "./internal.ts";

/**
 * Applies a proposal: the named measures leave the cycle's DRAFT action plan, in one transaction,
 * audited per measure as «deprioritise». Their versions there are kept as snapshots (listed as
 * «Tatt ut av forslaget», with the proposal's reason per measure) under one prioritisation id, so
 * the whole application can be undone in one step until adoption, or a measure put back alone.
 * Mandatory measures are refused.
 */
export async function applyPrioritisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    cycleId: string;
    drop: string[];
    /** Why each measure goes (the proposal's explanation), by reference. */
    reasons?: Record<string, string>;
  };
}): Promise<{ dropped: string[]; prioritisationId: string | null; frameCheck: FrameCheckView }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
  const references = [...new Set(input.drop)];
  const result = await ctx.db.transaction(async (tx) => {
    const { cycle, version } = await lockDraftForPrioritisation(tx, tenant, input.cycleId);
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
        missing.map((reference) => ({ path: "/", code: "not_in_draft", reference })),
      );
    const mandatory = rows.filter((r) => r.mandatory).map((r) => r.measure.reference);
    if (mandatory.length > 0)
      throw new AppError(
        "conflict",
        "actionPlan.mandatoryCannotBeLeftOut",
        { references: mandatory.join(", ") },
        mandatory.map((reference) => ({ path: "/", code: "mandatory", reference })),
      );
    const prioritisationId = rows.length > 0 ? newPrioritisationId() : null;
    await snapshotAndRemove(tx, {
      municipalityId: tenant.id,
      versionIds: rows.map((r) => r.versionId),
      via: "prioritisation",
      reasons: Object.fromEntries(
        rows.map((r) => [
          r.measure.id,
          input.reasons?.[r.measure.reference]?.trim().slice(0, 500) || DEFAULT_PRIORITISATION_REASON,
        ]),
      ),
      prioritisationId,
      actor: ctx.actor,
    });
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
    return {
      dropped: rows.map((r) => r.measure.reference),
      prioritisationId,
      cycleId: cycle.id,
      versionId: version.id,
    };
  });
  // After the commit, on the pool: the frame check runs its queries side by side.
  return {
    dropped: result.dropped,
    prioritisationId: result.prioritisationId,
    frameCheck: await computeFrameCheck(ctx.db, tenant.id, result.cycleId, result.versionId),
  };
}
