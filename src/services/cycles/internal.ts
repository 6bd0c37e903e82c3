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
  await tx
    .update(cycles)
    .set({ phase: to, version: cycle.version + 1, updatedAt: new Date() })
    .where(eq(cycles.id, cycle.id));
  await recordAudit(
    tx,
    ctx.actor,
    {
      municipalityId: tenant.id,
      objectType: "cycle",
      objectId: cycle.id,
      objectLabel: `Rullering ${cycle.budgetYear}`,
      action,
      changes: { phase: { before: cycle.phase, after: to }, ...changes },
    },
    ctx.requestId,
  );
  return { phase: to, version: cycle.version + 1, phases: cyclePhases };
}

/** The audit label of an action plan version: the original, or «revisjon N». */
export const actionPlanLabel = (budgetYear: number, revision: number) =>
  `Handlingsplan ${budgetYear}${revision > 0 ? `, revisjon ${revision}` : ""}`;
