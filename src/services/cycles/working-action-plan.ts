import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { actionPlanVersions, cycles, measureVersions } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";

/**
 * The action plan version that plan content is edited in: the newest version of the newest cycle,
 * while it is a draft. An adopted version is frozen; changes to it are a revision (the rolling issue).
 */
export async function workingActionPlan(tx: DbOrTx, municipalityId: string, planId: string) {
  const [row] = await tx
    .select({ actionPlan: actionPlanVersions, budgetYear: cycles.budgetYear })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(and(eq(cycles.municipalityId, municipalityId), eq(cycles.planId, planId)))
    .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision))
    .limit(1);
  if (!row) throw new AppError("validation", "actionPlan.noneYet");
  if (row.actionPlan.status !== "draft") {
    throw new AppError("conflict", "actionPlan.adoptedUseRevision", { year: row.budgetYear });
  }
  return { ...row.actionPlan, budgetYear: row.budgetYear };
}

/**
 * The action plan version a person reads: people who may read drafts see the newest version of the
 * newest cycle; everyone else the newest adopted one. Null when there is none to see.
 */
export async function visibleActionPlan(
  tx: DbOrTx,
  municipalityId: string,
  planId: string,
  seesDrafts: boolean,
) {
  const [row] = await tx
    .select({ actionPlan: actionPlanVersions, budgetYear: cycles.budgetYear, phase: cycles.phase })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(
      and(
        eq(cycles.municipalityId, municipalityId),
        eq(cycles.planId, planId),
        seesDrafts ? undefined : eq(actionPlanVersions.status, "adopted"),
      ),
    )
    .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision))
    .limit(1);
  return row ? { ...row.actionPlan, budgetYear: row.budgetYear, phase: row.phase } : null;
}

/** The plan a measure belongs to (through any of its versions). */
export async function planIdOfMeasure(tx: DbOrTx, measureId: string): Promise<string | null> {
  const [row] = await tx
    .select({ planId: cycles.planId })
    .from(measureVersions)
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(eq(measureVersions.measureId, measureId))
    .limit(1);
  return row?.planId ?? null;
}
