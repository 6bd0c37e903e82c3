import { and, eq } from "drizzle-orm";
import { actionPlanVersions } from "../../db/schema/index.ts";
import type { FieldChanges } from "../../domain/audit.ts";
import { AppError, notFound } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { actionPlanLabel, lockCycleFor } from "./internal.ts";

/**
 * Corrects the recorded decision of an adopted action plan version (a mistyped date, body or case
 * number): only those three fields change, the content stays frozen, and the audit trail keeps
 * what it said before, what it says now, and why.
 */
export async function correctDecision({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    cycleId: string;
    revision: number;
    /** The version row's `version` as read; checked when given. */
    version?: number;
    reason: string;
    adoptedOn?: string;
    decisionBody?: string;
    caseReference?: string;
  };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const cycle = await lockCycleFor(ctx, tx, tenant, "adopt", input.cycleId);
    const [row] = await tx
      .select()
      .from(actionPlanVersions)
      .where(and(eq(actionPlanVersions.cycleId, cycle.id), eq(actionPlanVersions.revision, input.revision)))
      .for("update");
    if (!row) throw notFound("actionPlan");
    if (row.status !== "adopted")
      throw new AppError("conflict", "actionPlan.correctOnlyAdopted", { revision: input.revision });
    if (input.version !== undefined && row.version !== input.version)
      throw new AppError("conflict", "actionPlan.correctChangedByOther");
    const next = {
      adoptedOn: input.adoptedOn ?? row.adoptedOn,
      decisionBody: input.decisionBody?.trim() ?? row.decisionBody,
      caseReference: input.caseReference?.trim() ?? row.caseReference,
    };
    const changes: FieldChanges = {};
    for (const field of ["adoptedOn", "decisionBody", "caseReference"] as const)
      if (next[field] !== row[field]) changes[field] = { before: row[field], after: next[field] };
    if (Object.keys(changes).length === 0) throw new AppError("validation", "actionPlan.correctNothing");
    const [updated] = await tx
      .update(actionPlanVersions)
      .set({ ...next, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(actionPlanVersions.id, row.id), eq(actionPlanVersions.version, row.version)))
      .returning();
    if (!updated) throw new AppError("conflict", "actionPlan.correctChangedByOther");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "action_plan",
        objectId: row.id,
        objectLabel: actionPlanLabel(cycle.budgetYear, row.revision),
        action: "correct_decision",
        changes: { ...changes, reason: { before: null, after: input.reason.trim() } },
      },
      ctx.requestId,
    );
    return {
      revision: updated.revision,
      adoptedOn: updated.adoptedOn,
      decisionBody: updated.decisionBody,
      caseReference: updated.caseReference,
      version: updated.version,
    };
  });
}
