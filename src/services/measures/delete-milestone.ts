import { and, eq } from "drizzle-orm";
import { milestones } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { authorizeRunningState } from "./get-measure.ts";

export async function deleteMilestone({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; milestoneId: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const measure = await authorizeRunningState(ctx.db, ctx, tenant, input.reference);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(milestones)
      .where(and(eq(milestones.id, input.milestoneId), eq(milestones.measureId, measure.id)))
      .returning();
    if (!row) throw notFound("milestone");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: measure.reference,
        action: "delete_milestone",
        changes: { milestone: { before: `${row.dueDate} ${row.title}`, after: null } },
      },
      ctx.requestId,
    );
  });
}
