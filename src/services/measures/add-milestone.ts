import { milestones } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { authorizeRunningState } from "./get-measure.ts";

export type MilestoneInput = { dueDate: string; title: string; done: boolean };

/**
 * Adds a milestone. Milestones are running state of a measure (reached or not): planners and the
 * measure's owner keep them, like status and progress.
 */
export async function addMilestone({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string } & MilestoneInput;
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const measure = await authorizeRunningState(ctx.db, ctx, tenant, input.reference);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(milestones)
      .values({
        municipalityId: tenant.id,
        measureId: measure.id,
        dueDate: input.dueDate,
        title: input.title.trim(),
        done: input.done,
      })
      .returning();
    if (!row) throw new Error("milestone not inserted");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: measure.reference,
        action: "add_milestone",
        changes: diffFields(null, { milestone: `${row.dueDate} ${row.title}` }, ["milestone"]),
      },
      ctx.requestId,
    );
    return row;
  });
}
