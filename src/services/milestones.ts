import { and, eq } from "drizzle-orm";
import { milestones } from "../db/schema/index.ts";
import { diffFields } from "../domain/audit.ts";
import { AppError, notFound } from "../errors.ts";
import { resolveTenant, type Tenant } from "./access.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";
import { authorizeRunningState } from "./get-measure.ts";

/**
 * Milestones are running state of a measure (reached or not): planners and the measure's owner
 * keep them, like status and progress.
 */
const authorizeMilestones = (ctx: ServiceContext, tenant: Tenant, reference: string) =>
  authorizeRunningState(ctx.db, ctx, tenant, reference);

type MilestoneInput = { dueDate: string; title: string; done: boolean };

export async function addMilestone({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string } & MilestoneInput;
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const measure = await authorizeMilestones(ctx, tenant, input.reference);
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
  const measure = await authorizeMilestones(ctx, tenant, input.reference);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(milestones)
      .where(and(eq(milestones.id, input.milestoneId), eq(milestones.measureId, measure.id)))
      .for("update");
    if (!row) throw notFound("milestone");
    if (row.version !== input.version) {
      throw new AppError("conflict", "measure.milestoneChangedByOther", {}, { current: row });
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

export async function deleteMilestone({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; milestoneId: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const measure = await authorizeMilestones(ctx, tenant, input.reference);
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
