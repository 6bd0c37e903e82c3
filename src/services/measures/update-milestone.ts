import { and, eq } from "drizzle-orm";
import { milestones } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import type { MilestoneInput } from "./add-milestone.ts";
import { authorizeRunningState } from "./get-measure.ts";

export async function updateMilestone({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    reference: string;
    milestoneId: string;
    version: number;
  } & Partial<MilestoneInput>;
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const measure = await authorizeRunningState(ctx.db, ctx, tenant, input.reference);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(milestones)
      .where(and(eq(milestones.id, input.milestoneId), eq(milestones.measureId, measure.id)))
      .for("update");
    if (!row) throw notFound("milestone");
    if (row.version !== input.version) {
      throw new AppError("conflict", "measure.milestoneChangedByOther", {}, [staleDetail(row)]);
    }
    const after = {
      dueDate: input.dueDate ?? row.dueDate,
      title: input.title?.trim() ?? row.title,
      done: input.done ?? row.done,
    };
    const changes = diffFields(row, after, ["dueDate", "title", "done"]);
    if (Object.keys(changes).length === 0) return row;
    const [updated] = await tx
      .update(milestones)
      .set({ ...after, version: row.version + 1, updatedAt: new Date() })
      .where(eq(milestones.id, row.id))
      .returning();
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: `${measure.reference}: ${after.title}`,
        action: "update_milestone",
        changes,
      },
      ctx.requestId,
    );
    return updated ?? row;
  });
}
