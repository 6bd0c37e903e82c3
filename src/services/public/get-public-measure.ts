import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  measureVersions,
  milestones,
  plans,
  removedMeasureVersions,
} from "../../db/schema/index.ts";
import { measureChange } from "../../domain/measure-change.ts";
import { can } from "../../domain/permissions.ts";
import { notFound } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { focusAreaAndGoals, measureByReference } from "../measures/internal.ts";
import { loadMeasureRows } from "../measures/measure-rows.ts";
import { proposalsOfMeasure } from "../proposals/list-proposals.ts";
import { adoptedVersions, type PublicMeasure, publicSummary, publicTenant, versionRef } from "./internal.ts";
import { publicStatusHistory } from "./public-status-history.ts";

/**
 * A measure as published: its content in the newest adopted action plan version of a published plan
 * it is part of, its current status and progress, and its status history. A measure that is only
 * in drafts answers 404.
 */
export async function getPublicMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string };
}): Promise<PublicMeasure> {
  const tenant = await publicTenant(ctx, input.municipalityNumber);
  const measure = await measureByReference(ctx.db, tenant, input.reference);
  const appearances = (
    await ctx.db
      .select({
        actionPlanVersionId: actionPlanVersions.id,
        budgetYear: cycles.budgetYear,
        revision: actionPlanVersions.revision,
        adoptedOn: actionPlanVersions.adoptedOn,
        planId: plans.id,
        planTitle: plans.title,
        published: plans.published,
      })
      .from(measureVersions)
      .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
      .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
      .innerJoin(plans, eq(plans.id, cycles.planId))
      .where(
        and(
          eq(measureVersions.measureId, measure.id),
          eq(measureVersions.municipalityId, tenant.id),
          eq(actionPlanVersions.status, "adopted"),
        ),
      )
      .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision))
  ).filter((a) => can(tenant.subject, "read", "measure", { published: a.published }));
  const newest = appearances[0];
  if (!newest) throw notFound("measure");
  const [row] = await loadMeasureRows(ctx.db, tenant.id, newest.actionPlanVersionId, measure.id);
  if (!row) throw notFound("measure");
  const [placement, milestoneRows, statusHistory, proposals, planVersions] = await Promise.all([
    focusAreaAndGoals(ctx.db, row),
    ctx.db
      .select({ dueDate: milestones.dueDate, title: milestones.title, done: milestones.done })
      .from(milestones)
      .where(and(eq(milestones.measureId, measure.id), eq(milestones.municipalityId, tenant.id)))
      .orderBy(asc(milestones.dueDate), asc(milestones.createdAt)),
    publicStatusHistory(ctx.db, tenant.id, measure.id),
    // The tenant is read as the public, so only published proposals come back.
    proposalsOfMeasure(ctx.db, tenant, measure.id),
    adoptedVersions(ctx.db, tenant, [newest.planId]),
  ]);
  const appearsIn = appearances.filter((a) => a.planId === newest.planId);
  const lastIn = Math.max(...appearsIn.map((a) => a.budgetYear));
  const firstWithout = planVersions
    .map((v) => v.budgetYear)
    .filter((y) => y > lastIn)
    .sort((a, b) => a - b)[0];
  const removal =
    firstWithout === undefined
      ? null
      : await removalRecord(ctx.db, {
          tenantId: tenant.id,
          measureId: measure.id,
          planId: newest.planId,
          budgetYear: firstWithout,
        });
  return {
    ...publicSummary(row),
    municipality: { number: tenant.number, name: tenant.name },
    plan: { id: newest.planId, title: newest.planTitle },
    actionPlan: versionRef(newest),
    appearsIn: appearsIn.map(versionRef),
    change: measureChange({
      status: measure.status,
      statusReason: measure.statusReason,
      statusAsOf: measure.statusAsOf,
      updatedAt: measure.updatedAt.toISOString(),
      statusHistory,
      inBudgetYears: appearsIn.map((a) => a.budgetYear),
      planBudgetYears: planVersions.map((v) => v.budgetYear),
      removal,
    }),
    description: row.description,
    ...placement,
    links: row.links,
    milestones: milestoneRows,
    statusHistory,
    proposals,
  };
}

/**
 * How the measure was taken out of the action plan of a budget year (the cycle's draft that was
 * then adopted): the planner's reason, or a prioritisation. Null when there is no record.
 */
async function removalRecord(
  db: DbOrTx,
  where: { tenantId: string; measureId: string; planId: string; budgetYear: number },
) {
  const [row] = await db
    .select({ reason: removedMeasureVersions.reason, via: removedMeasureVersions.via })
    .from(removedMeasureVersions)
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, removedMeasureVersions.actionPlanVersionId))
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(
      and(
        eq(removedMeasureVersions.municipalityId, where.tenantId),
        eq(removedMeasureVersions.measureId, where.measureId),
        isNull(removedMeasureVersions.restoredAt),
        eq(cycles.planId, where.planId),
        eq(cycles.budgetYear, where.budgetYear),
      ),
    )
    .orderBy(desc(removedMeasureVersions.removedAt))
    .limit(1);
  return row ?? null;
}
