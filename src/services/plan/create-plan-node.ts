import { focusAreas, goalFocusAreas, goals, objectives } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import {
  checkGoals,
  loadFocusArea,
  loadPlan,
  type NodeInput,
  type NodeKind,
  type NodeView,
  nextPosition,
} from "./internal.ts";

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
