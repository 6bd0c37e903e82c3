import { eq } from "drizzle-orm";
import { focusAreas, goalFocusAreas, goals, objectives } from "../../db/schema/index.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { loadPlan, lockNode, measuresUsing, type NodeKind, names } from "./internal.ts";

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
