import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { measures, measureVersions, plans } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { nextReference } from "../../domain/measure-filter.ts";
import { notFound } from "../../errors.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { workingActionPlan } from "../cycles/working-action-plan.ts";
import {
  checkMeasureContent,
  contentFields,
  type MeasureContent,
  writeMeasureRelations,
} from "./measure-content.ts";
import { type FinancingRow, replaceFinancing } from "./set-measure-financing.ts";

/** Adds a new measure to the plan's draft action plan, with the next free reference (T-015 …). */
export async function createMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    planId: string;
    content: MeasureContent;
    /** Its costs per year and funding source, written in the same transaction (one «Lagre»). */
    costs?: FinancingRow[];
  };
}): Promise<{ reference: string }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.id, input.planId), eq(plans.municipalityId, tenant.id)));
    if (!plan) throw notFound("plan");
    authorize(ctx, tenant, "create", "measure", { published: plan.published }, "plan");
    const created = await insertMeasure(tx, ctx, tenant, plan.id, input.content);
    if (input.costs && input.costs.length > 0)
      await replaceFinancing(
        tx,
        ctx,
        tenant,
        {
          measure: { id: created.measureId, reference: created.reference },
          actionPlan: { budgetYear: created.budgetYear },
          version: { id: created.versionId },
        },
        input.costs,
        "/costs",
      );
    return { reference: created.reference };
  });
}

/**
 * The new measure and its first version in the plan's draft action plan, audited; inside the
 * caller's transaction (also used when a partner's proposal becomes a measure).
 */
export async function insertMeasure(
  tx: DbOrTx,
  ctx: ServiceContext,
  tenant: Tenant,
  planId: string,
  given: MeasureContent,
): Promise<{ reference: string; measureId: string; versionId: string; budgetYear: number }> {
  const actionPlan = await workingActionPlan(tx, tenant.id, planId);
  const content = await checkMeasureContent(tx, tenant, planId, given);
  // Lock the municipality's measures while picking the next reference, so two planners
  // creating at once cannot get the same one (the unique index would refuse it anyway).
  const existing = await tx
    .select({ reference: measures.reference })
    .from(measures)
    .where(eq(measures.municipalityId, tenant.id))
    .for("update");
  const reference = nextReference(existing.map((m) => m.reference));
  const [measure] = await tx.insert(measures).values({ municipalityId: tenant.id, reference }).returning();
  if (!measure) throw new Error("measure not inserted");
  const [version] = await tx
    .insert(measureVersions)
    .values({
      municipalityId: tenant.id,
      measureId: measure.id,
      actionPlanVersionId: actionPlan.id,
      focusAreaId: content.focusAreaId,
      title: content.title,
      description: content.description,
      responsibleUnit: content.responsibleUnit,
      contactPerson: content.contactPerson,
      ownerUserId: content.ownerUserId,
      startYear: content.startYear,
      endYear: content.endYear,
      tags: content.tags,
      links: content.links,
    })
    .returning();
  if (!version) throw new Error("measure version not inserted");
  await writeMeasureRelations(tx, tenant.id, version.id, content);
  await recordAudit(
    tx,
    ctx.actor,
    {
      municipalityId: tenant.id,
      objectType: "measure",
      objectId: measure.id,
      objectLabel: `${reference} ${content.title}`,
      action: "create",
      changes: diffFields(null, content, contentFields),
    },
    ctx.requestId,
  );
  return { reference, measureId: measure.id, versionId: version.id, budgetYear: actionPlan.budgetYear };
}
