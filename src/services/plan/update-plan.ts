import { and, eq, sql } from "drizzle-orm";
import { plans } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { type Action, allowedActions } from "../../domain/permissions.ts";
import { AppError, notFound, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";

export type PlanView = {
  id: string;
  title: string;
  vision: string;
  basis: string;
  startYear: number;
  endYear: number;
  adoptedOn: string | null;
  caseReference: string | null;
  published: boolean;
  version: number;
  allowedActions: Action[];
};

const editableFields = [
  "title",
  "vision",
  "basis",
  "published",
  "startYear",
  "endYear",
  "adoptedOn",
  "caseReference",
] as const;
type PlanChanges = Partial<{
  title: string;
  vision: string;
  basis: string;
  published: boolean;
  startYear: number;
  endYear: number;
  adoptedOn: string | null;
  caseReference: string | null;
}>;

export function presentPlan(plan: typeof plans.$inferSelect, tenant: Tenant): PlanView {
  return {
    id: plan.id,
    title: plan.title,
    vision: plan.vision,
    basis: plan.basis,
    startYear: plan.startYear,
    endYear: plan.endYear,
    adoptedOn: plan.adoptedOn,
    caseReference: plan.caseReference,
    published: plan.published,
    version: plan.version,
    allowedActions: allowedActions(tenant.subject, "plan", { published: plan.published }),
  };
}

/**
 * Edits a plan's title, vision or publication. The caller names the version they edited; if someone
 * else saved in between, the write is refused with 409 and the current state, never overwritten.
 */
export async function updatePlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string; version: number } & PlanChanges;
}): Promise<PlanView> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.id, input.planId), eq(plans.municipalityId, tenant.id)))
      .for("update");
    if (!plan) throw notFound("plan");
    authorize(ctx, tenant, "update", "plan", { published: plan.published }, "plan");
    if (plan.version !== input.version) {
      throw new AppError("conflict", "plan.changedByOther", {}, [staleDetail(presentPlan(plan, tenant))]);
    }
    const next: PlanChanges = {};
    for (const field of editableFields)
      if (input[field] !== undefined) Object.assign(next, { [field]: input[field] });
    const merged = { ...plan, ...next };
    if (merged.endYear < merged.startYear) {
      throw new AppError("validation", "plan.endYearBeforeStart", {}, [
        { path: "/endYear", message: "Sluttår kan ikke være før startår." },
      ]);
    }
    const changes = diffFields(plan, merged, editableFields);
    if (Object.keys(changes).length === 0) return presentPlan(plan, tenant);

    const [updated] = await tx
      .update(plans)
      .set({ ...next, version: sql`${plans.version} + 1`, updatedAt: new Date() })
      .where(eq(plans.id, plan.id))
      .returning();
    if (!updated) throw notFound("plan");
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "plan",
        objectId: plan.id,
        objectLabel: updated.title,
        action: "update",
        changes,
      },
      ctx.requestId,
    );
    return presentPlan(updated, tenant);
  });
}
