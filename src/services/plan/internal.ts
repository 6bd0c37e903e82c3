import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  focusAreas,
  goalFocusAreas,
  goals,
  measureVersionGoals,
  measureVersionObjectives,
  measureVersions,
  objectives,
  plans,
} from "../../db/schema/index.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Tenant } from "../access.ts";

/**
 * The plan's hierarchy: societal goals, focus areas (linked to goals) and objectives under focus
 * areas. Planners create, edit, reorder and delete them; each write is versioned and audited.
 */
export type NodeKind = "goal" | "focus_area" | "objective";

export type NodeInput = { title: string; description?: string; goalIds?: string[] };

export type NodeView = {
  id: string;
  kind: NodeKind;
  title: string;
  description: string;
  position: number;
  version: number;
  parentId: string;
  goalIds: string[];
};

export const names = {
  goal: "goal",
  focus_area: "focusArea",
  objective: "objective",
} as const satisfies Record<NodeKind, string>;

export async function loadPlan(tx: DbOrTx, tenant: Tenant, planId: string) {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.municipalityId, tenant.id)));
  if (!plan) throw notFound("plan");
  return plan;
}

/** Checks that the goals belong to the plan; returns them de-duplicated. */
export async function checkGoals(tx: DbOrTx, tenant: Tenant, planId: string, goalIds: string[]) {
  const unique = [...new Set(goalIds)];
  if (unique.length === 0) return unique;
  const found = await tx
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.municipalityId, tenant.id), eq(goals.planId, planId), inArray(goals.id, unique)));
  if (found.length !== unique.length) {
    throw new AppError("validation", "plan.goalsNotInPlan", {}, [
      { path: "/goalIds", message: "Velg mål fra planen." },
    ]);
  }
  return unique;
}

export async function nextPosition(tx: DbOrTx, kind: NodeKind, parentId: string) {
  const table = kind === "goal" ? goals : kind === "focus_area" ? focusAreas : objectives;
  const parent =
    kind === "objective" ? objectives.focusAreaId : kind === "goal" ? goals.planId : focusAreas.planId;
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(${table.position}), 0)::int` })
    .from(table)
    .where(eq(parent, parentId));
  return (row?.max ?? 0) + 1;
}

export async function loadFocusArea(
  tx: DbOrTx,
  tenant: Tenant,
  planId: string,
  focusAreaId: string | undefined,
) {
  if (!focusAreaId)
    throw new AppError("validation", "plan.chooseFocusArea", {}, [
      { path: "/focusAreaId", message: "Velg satsingsområde." },
    ]);
  const [focusArea] = await tx
    .select()
    .from(focusAreas)
    .where(
      and(
        eq(focusAreas.id, focusAreaId),
        eq(focusAreas.planId, planId),
        eq(focusAreas.municipalityId, tenant.id),
      ),
    );
  if (!focusArea) throw notFound("focusArea");
  return focusArea;
}

/** Loads one node of the plan, locked for update, with what a write needs to know. */
export async function lockNode(tx: DbOrTx, tenant: Tenant, kind: NodeKind, id: string) {
  if (kind === "goal") {
    const [row] = await tx
      .select()
      .from(goals)
      .where(and(eq(goals.id, id), eq(goals.municipalityId, tenant.id)))
      .for("update");
    return row ? { ...row, planId: row.planId, parentId: row.planId } : undefined;
  }
  if (kind === "focus_area") {
    const [row] = await tx
      .select()
      .from(focusAreas)
      .where(and(eq(focusAreas.id, id), eq(focusAreas.municipalityId, tenant.id)))
      .for("update");
    return row ? { ...row, parentId: row.planId } : undefined;
  }
  const [row] = await tx
    .select({ objective: objectives, planId: focusAreas.planId })
    .from(objectives)
    .innerJoin(focusAreas, eq(focusAreas.id, objectives.focusAreaId))
    .where(and(eq(objectives.id, id), eq(objectives.municipalityId, tenant.id)))
    .for("update", { of: objectives });
  return row
    ? { ...row.objective, description: "", planId: row.planId, parentId: row.objective.focusAreaId }
    : undefined;
}

export async function goalIdsOf(tx: DbOrTx, focusAreaId: string) {
  const rows = await tx
    .select({ goalId: goalFocusAreas.goalId })
    .from(goalFocusAreas)
    .where(eq(goalFocusAreas.focusAreaId, focusAreaId));
  return rows.map((r) => r.goalId).sort();
}

export async function measuresUsing(tx: DbOrTx, kind: NodeKind, id: string): Promise<number> {
  const count = sql<number>`count(*)::int`;
  if (kind === "goal") {
    const [row] = await tx
      .select({ n: count })
      .from(measureVersionGoals)
      .where(eq(measureVersionGoals.goalId, id));
    return row?.n ?? 0;
  }
  if (kind === "focus_area") {
    const [row] = await tx
      .select({ n: count })
      .from(measureVersions)
      .where(eq(measureVersions.focusAreaId, id));
    const [viaObjectives] = await tx
      .select({ n: count })
      .from(measureVersionObjectives)
      .innerJoin(objectives, eq(objectives.id, measureVersionObjectives.objectiveId))
      .where(eq(objectives.focusAreaId, id));
    return (row?.n ?? 0) + (viaObjectives?.n ?? 0);
  }
  const [row] = await tx
    .select({ n: count })
    .from(measureVersionObjectives)
    .where(eq(measureVersionObjectives.objectiveId, id));
  return row?.n ?? 0;
}
