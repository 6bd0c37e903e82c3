import { and, eq } from "drizzle-orm";
import { actionPlanVersions, cycles, focusAreas } from "../../db/schema/index.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { sumNok } from "../../domain/money.ts";
import { can } from "../../domain/permissions.ts";
import { compareReferences, type MeasureSummary, summariseMeasure } from "../../domain/plan-tree.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { loadMeasureRows } from "../measures/measure-rows.ts";
import { loadPlanForCycles } from "./cycles.ts";

/**
 * One action plan version, as adopted (or as drafted, for those who may see drafts): the permanent,
 * citable record, readable forever at /plan/<plan>/handlingsplan/<year>/<revision>.
 */
export async function getActionPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string; budgetYear: number; revision: number };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const plan = await loadPlanForCycles(ctx.db, tenant, input.planId);
  const [row] = await ctx.db
    .select({ actionPlan: actionPlanVersions, phase: cycles.phase })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(
      and(
        eq(cycles.planId, plan.id),
        eq(cycles.budgetYear, input.budgetYear),
        eq(actionPlanVersions.revision, input.revision),
      ),
    );
  const visible =
    row &&
    (row.actionPlan.status === "adopted"
      ? can(tenant.subject, "read", "action_plan", { published: plan.published })
      : can(tenant.subject, "read_drafts", "action_plan"));
  if (!row || !visible) throw notFound("actionPlan");
  const [rows, focusAreaRows] = await Promise.all([
    loadMeasureRows(ctx.db, tenant.id, row.actionPlan.id),
    ctx.db
      .select({ id: focusAreas.id, title: focusAreas.title })
      .from(focusAreas)
      .where(eq(focusAreas.planId, plan.id)),
  ]);
  const titles = new Map(focusAreaRows.map((f) => [f.id, f.title]));
  const measures: (MeasureSummary & { focusAreaTitle: string; needsReview: boolean })[] = rows
    .map((r) => ({
      ...summariseMeasure(r),
      focusAreaTitle: titles.get(r.focusAreaId) ?? "",
      needsReview: r.needsReview,
    }))
    .sort((a, b) => compareReferences(a.reference, b.reference));
  const period = financialPlanPeriod(input.budgetYear);
  return {
    plan: { id: plan.id, title: plan.title },
    id: row.actionPlan.id,
    budgetYear: input.budgetYear,
    startYear: period.startYear,
    endYear: period.endYear,
    revision: row.actionPlan.revision,
    status: row.actionPlan.status,
    reason: row.actionPlan.reason,
    adoptedOn: row.actionPlan.adoptedOn,
    decisionBody: row.actionPlan.decisionBody,
    caseReference: row.actionPlan.caseReference,
    measures,
    totals: period.years.map((year) => ({
      year,
      municipalNok: sumNok(measures.map((m) => m.costByYear.find((c) => c.year === year)?.municipalNok ?? 0)),
    })),
  };
}
