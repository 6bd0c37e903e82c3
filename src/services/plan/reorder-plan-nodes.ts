import { asc, eq, sql } from "drizzle-orm";
import { focusAreas, goals, objectives } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { loadFocusArea, loadPlan, type NodeKind } from "./internal.ts";

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
