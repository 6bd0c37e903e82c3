import { eq, sql } from "drizzle-orm";
import { focusAreas, goalFocusAreas, goals, objectives } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import {
  checkGoals,
  goalIdsOf,
  loadPlan,
  lockNode,
  type NodeInput,
  type NodeKind,
  type NodeView,
  names,
} from "./internal.ts";

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
      throw new AppError("conflict", `plan.changed.${names[input.kind]}`, {}, [staleDetail(current)]);
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
