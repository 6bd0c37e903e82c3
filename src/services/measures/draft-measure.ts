import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { measureVersions } from "../../db/schema/index.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, type Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { planIdOfMeasure, workingActionPlan } from "../cycles/working-action-plan.ts";
import { measureByReference } from "./internal.ts";

/**
 * For a write to a measure's content: the measure by reference, the planner's right to change it,
 * the draft action plan it is changed in (`year`, else the newest cycle; an adopted one is frozen),
 * and its version there, locked.
 */
export async function lockDraftMeasure(
  tx: DbOrTx,
  ctx: ServiceContext,
  tenant: Tenant,
  reference: string,
  year?: number,
) {
  const measure = await measureByReference(tx, tenant, reference);
  const planId = await planIdOfMeasure(tx, measure.id);
  if (!planId) throw notFound("measure");
  authorize(ctx, tenant, "update", "measure", {}, "measure");
  const actionPlan = await workingActionPlan(tx, tenant.id, planId, year);
  const [version] = await tx
    .select()
    .from(measureVersions)
    .where(
      and(eq(measureVersions.measureId, measure.id), eq(measureVersions.actionPlanVersionId, actionPlan.id)),
    )
    .for("update");
  if (!version) throw new AppError("validation", "measure.notInActionPlan", { year: actionPlan.budgetYear });
  return { measure, planId, actionPlan, version };
}
