import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { cycles } from "../../db/schema/index.ts";
import type { FieldChanges } from "../../domain/audit.ts";
import { type CyclePhase, cyclePhases } from "../../domain/cycle.ts";
import type { Action } from "../../domain/permissions.ts";
import { AppError } from "../../errors.ts";
import { authorize, type Tenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { lockCycle } from "./cycles.ts";

type Cycle = Awaited<ReturnType<typeof lockCycle>>;

/**
 * Locks the municipality's cycle for a write the actor must be allowed to do on its action plan;
 * with `version`, refuses when someone else changed the cycle since the caller read it.
 */
export async function lockCycleFor(
  ctx: ServiceContext,
  tx: DbOrTx,
  tenant: Tenant,
  action: Action,
  cycleId: string,
  version?: number,
) {
  const cycle = await lockCycle(tx, tenant, cycleId);
  authorize(ctx, tenant, action, "action_plan", {}, "cycle");
  if (version !== undefined && cycle.version !== version)
    throw new AppError("conflict", "cycle.changedByOther");
  return cycle;
}

/**
 * Writes these fields to a locked cycle, one version on, and records the change in the audit
 * trail (labelled with the cycle unless the entry says otherwise). Returns the new version.
 */
export async function updateCycle(
  ctx: ServiceContext,
  tx: DbOrTx,
  tenant: Tenant,
  cycle: Cycle,
  fields: Partial<typeof cycles.$inferInsert>,
  audit: { objectLabel?: string; action: string; changes: FieldChanges },
) {
  await tx
    .update(cycles)
    .set({ ...fields, version: cycle.version + 1, updatedAt: new Date() })
    .where(eq(cycles.id, cycle.id));
  await recordAudit(
    tx,
    ctx.actor,
    {
      municipalityId: tenant.id,
      objectType: "cycle",
      objectId: cycle.id,
      objectLabel: audit.objectLabel ?? `Rullering ${cycle.budgetYear}`,
      action: audit.action,
      changes: audit.changes,
    },
    ctx.requestId,
  );
  return cycle.version + 1;
}

/** Moves a locked cycle to another phase and records it in the audit trail. */
export async function moveCyclePhase(
  ctx: ServiceContext,
  tx: DbOrTx,
  tenant: Tenant,
  cycle: Cycle,
  to: CyclePhase,
  action: string,
  changes: FieldChanges = {},
) {
  const version = await updateCycle(
    ctx,
    tx,
    tenant,
    cycle,
    { phase: to },
    {
      action,
      changes: { phase: { before: cycle.phase, after: to }, ...changes },
    },
  );
  return { phase: to, version, phases: cyclePhases };
}

/** The audit label of an action plan version: the original, or «revisjon N». */
export const actionPlanLabel = (budgetYear: number, revision: number) =>
  `Handlingsplan ${budgetYear}${revision > 0 ? `, revisjon ${revision}` : ""}`;
