import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  focusAreas,
  goalFocusAreas,
  goals,
  measureVersionGoals,
  measureVersionObjectives,
  measureVersions,
  objectives,
  plans,
} from "../db/schema/index.ts";
import { diffFields } from "../domain/audit.ts";
import { AppError, notFound } from "../errors.ts";
import { authorize, resolveTenant, type Tenant } from "./access.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";

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

const names = { goal: "goal", focus_area: "focusArea", objective: "objective" } as const satisfies Record<
  NodeKind,
  string
>;

async function loadPlan(tx: DbOrTx, tenant: Tenant, planId: string) {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.municipalityId, tenant.id)));
  if (!plan) throw notFound("plan");
  return plan;
}

/** Checks that the goals belong to the plan; returns them de-duplicated. */
async function checkGoals(tx: DbOrTx, tenant: Tenant, planId: string, goalIds: string[]) {
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

async function nextPosition(tx: DbOrTx, kind: NodeKind, parentId: string) {
  const table = kind === "goal" ? goals : kind === "focus_area" ? focusAreas : objectives;
  const parent =
    kind === "objective" ? objectives.focusAreaId : kind === "goal" ? goals.planId : focusAreas.planId;
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(${table.position}), 0)::int` })
    .from(table)
    .where(eq(parent, parentId));
  return (row?.max ?? 0) + 1;
}

export async function createPlanNode({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string; kind: NodeKind; focusAreaId?: string } & NodeInput;
}): Promise<NodeView> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, tenant, input.planId);
    authorize(ctx, tenant, "create", "plan", { published: plan.published }, "plan");
    const base = { municipalityId: tenant.id, title: input.title, description: input.description ?? "" };
    let view: NodeView;
    if (input.kind === "goal") {
      const [row] = await tx
        .insert(goals)
        .values({ ...base, planId: plan.id, position: await nextPosition(tx, "goal", plan.id) })
        .returning();
      if (!row) throw new Error("goal not inserted");
      view = { ...row, kind: "goal", parentId: plan.id, goalIds: [] };
    } else if (input.kind === "focus_area") {
      const goalIds = await checkGoals(tx, tenant, plan.id, input.goalIds ?? []);
      const [row] = await tx
        .insert(focusAreas)
        .values({ ...base, planId: plan.id, position: await nextPosition(tx, "focus_area", plan.id) })
        .returning();
      if (!row) throw new Error("focus area not inserted");
      if (goalIds.length > 0) {
        await tx
          .insert(goalFocusAreas)
          .values(goalIds.map((goalId) => ({ municipalityId: tenant.id, goalId, focusAreaId: row.id })));
      }
      view = { ...row, kind: "focus_area", parentId: plan.id, goalIds };
    } else {
      const focusArea = await loadFocusArea(tx, tenant, plan.id, input.focusAreaId);
      const [row] = await tx
        .insert(objectives)
        .values({
          municipalityId: tenant.id,
          title: input.title,
          focusAreaId: focusArea.id,
          position: await nextPosition(tx, "objective", focusArea.id),
        })
        .returning();
      if (!row) throw new Error("objective not inserted");
      view = { ...row, description: "", kind: "objective", parentId: focusArea.id, goalIds: [] };
    }
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: input.kind,
        objectId: view.id,
        objectLabel: view.title,
        action: "create",
        changes: diffFields(
          null,
          { title: view.title, description: view.description, goalIds: view.goalIds },
          ["title", "description", "goalIds"],
        ),
      },
      ctx.requestId,
    );
    return view;
  });
}

async function loadFocusArea(tx: DbOrTx, tenant: Tenant, planId: string, focusAreaId: string | undefined) {
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
async function lockNode(tx: DbOrTx, tenant: Tenant, kind: NodeKind, id: string) {
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

async function goalIdsOf(tx: DbOrTx, focusAreaId: string) {
  const rows = await tx
    .select({ goalId: goalFocusAreas.goalId })
    .from(goalFocusAreas)
    .where(eq(goalFocusAreas.focusAreaId, focusAreaId));
  return rows.map((r) => r.goalId).sort();
}

export async function updatePlanNode({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; kind: NodeKind; id: string; version: number } & Partial<NodeInput>;
}): Promise<NodeView> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const node = await lockNode(tx, tenant, input.kind, input.id);
    if (!node) throw notFound(names[input.kind]);
    const plan = await loadPlan(tx, tenant, node.planId);
    authorize(ctx, tenant, "update", "plan", { published: plan.published }, names[input.kind]);
    const beforeGoals = input.kind === "focus_area" ? await goalIdsOf(tx, node.id) : [];
    const current: NodeView = { ...node, kind: input.kind, goalIds: beforeGoals };
    if (node.version !== input.version) {
      throw new AppError("conflict", `plan.changed.${names[input.kind]}`, {}, { current });
    }
    const after = {
      title: input.title ?? node.title,
      description: input.kind === "objective" ? "" : (input.description ?? node.description),
      goalIds:
        input.kind === "focus_area" && input.goalIds
          ? (await checkGoals(tx, tenant, node.planId, input.goalIds)).sort()
          : beforeGoals,
    };
    const changes = diffFields(
      { title: node.title, description: node.description, goalIds: beforeGoals },
      after,
      ["title", "description", "goalIds"],
    );
    if (Object.keys(changes).length === 0) return current;
    const set = { title: after.title, version: sql`version + 1`, updatedAt: new Date() };
    if (input.kind === "goal")
      await tx
        .update(goals)
        .set({ ...set, description: after.description })
        .where(eq(goals.id, node.id));
    if (input.kind === "focus_area") {
      await tx
        .update(focusAreas)
        .set({ ...set, description: after.description })
        .where(eq(focusAreas.id, node.id));
      if (changes.goalIds) {
        await tx.delete(goalFocusAreas).where(eq(goalFocusAreas.focusAreaId, node.id));
        if (after.goalIds.length > 0) {
          await tx
            .insert(goalFocusAreas)
            .values(
              after.goalIds.map((goalId) => ({ municipalityId: tenant.id, goalId, focusAreaId: node.id })),
            );
        }
      }
    }
    if (input.kind === "objective") await tx.update(objectives).set(set).where(eq(objectives.id, node.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: input.kind,
        objectId: node.id,
        objectLabel: after.title,
        action: "update",
        changes,
      },
      ctx.requestId,
    );
    return { ...current, ...after, version: node.version + 1 };
  });
}

/**
 * Deletes a goal, focus area or objective that no measure uses. A focus area takes its objectives
 * with it; anything measures point at must be moved first.
 */
export async function deletePlanNode({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; kind: NodeKind; id: string; version: number };
}): Promise<void> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    const node = await lockNode(tx, tenant, input.kind, input.id);
    if (!node) throw notFound(names[input.kind]);
    const plan = await loadPlan(tx, tenant, node.planId);
    authorize(ctx, tenant, "delete", "plan", { published: plan.published }, names[input.kind]);
    if (node.version !== input.version) {
      throw new AppError("conflict", `plan.changed.${names[input.kind]}`);
    }
    const used = await measuresUsing(tx, input.kind, node.id);
    if (used > 0) {
      throw new AppError("conflict", `plan.inUse.${names[input.kind]}`, { count: used });
    }
    if (input.kind === "goal") {
      await tx.delete(goalFocusAreas).where(eq(goalFocusAreas.goalId, node.id));
      await tx.delete(goals).where(eq(goals.id, node.id));
    } else if (input.kind === "focus_area") {
      await tx.delete(goalFocusAreas).where(eq(goalFocusAreas.focusAreaId, node.id));
      await tx.delete(objectives).where(eq(objectives.focusAreaId, node.id));
      await tx.delete(focusAreas).where(eq(focusAreas.id, node.id));
    } else {
      await tx.delete(objectives).where(eq(objectives.id, node.id));
    }
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: input.kind,
        objectId: node.id,
        objectLabel: node.title,
        action: "delete",
        changes: { title: { before: node.title, after: null } },
      },
      ctx.requestId,
    );
  });
}

async function measuresUsing(tx: DbOrTx, kind: NodeKind, id: string): Promise<number> {
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

/** Puts the siblings in the order given (all of them, each once). */
export async function reorderPlanNodes({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    planId: string;
    kind: NodeKind;
    focusAreaId?: string;
    orderedIds: string[];
  };
}): Promise<void> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, tenant, input.planId);
    authorize(ctx, tenant, "update", "plan", { published: plan.published }, "plan");
    const siblings =
      input.kind === "goal"
        ? await tx
            .select({ id: goals.id })
            .from(goals)
            .where(eq(goals.planId, plan.id))
            .orderBy(asc(goals.position))
            .for("update")
        : input.kind === "focus_area"
          ? await tx
              .select({ id: focusAreas.id })
              .from(focusAreas)
              .where(eq(focusAreas.planId, plan.id))
              .orderBy(asc(focusAreas.position))
              .for("update")
          : await tx
              .select({ id: objectives.id })
              .from(objectives)
              .where(
                eq(objectives.focusAreaId, (await loadFocusArea(tx, tenant, plan.id, input.focusAreaId)).id),
              )
              .orderBy(asc(objectives.position))
              .for("update");
    const current = siblings.map((s) => s.id);
    const same =
      current.length === input.orderedIds.length &&
      new Set(input.orderedIds).size === current.length &&
      input.orderedIds.every((id) => current.includes(id));
    if (!same) throw new AppError("conflict", "common.listChanged");
    if (current.every((id, i) => input.orderedIds[i] === id)) return;
    const table = input.kind === "goal" ? goals : input.kind === "focus_area" ? focusAreas : objectives;
    for (const [index, id] of input.orderedIds.entries()) {
      await tx
        .update(table)
        .set({ position: index + 1, version: sql`version + 1` })
        .where(eq(table.id, id));
    }
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "plan",
        objectId: plan.id,
        objectLabel: plan.title,
        action: `reorder_${input.kind}`,
        changes: { order: { before: current, after: input.orderedIds } },
      },
      ctx.requestId,
    );
  });
}
