import { and, asc, eq } from "drizzle-orm";
import { focusAreas, goalFocusAreas, goals } from "../../db/schema/index.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { sumNok } from "../../domain/money.ts";
import { compareReferences } from "../../domain/plan-tree.ts";
import { rollUpProgress } from "../../domain/progress.ts";
import { notFound } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { loadMeasureRows } from "../measures/measure-rows.ts";
import {
  adoptedVersions,
  loadPublicPlan,
  type PublicActionPlan,
  type PublicFocusArea,
  publicSummary,
  publicTenant,
  versionRef,
} from "./internal.ts";

/**
 * One adopted action plan version of a published plan: the newest revision of the budget year, or
 * the given revision. Drafts and unpublished plans answer 404.
 */
export async function getPublicActionPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string; budgetYear: number; revision?: number };
}): Promise<PublicActionPlan> {
  const tenant = await publicTenant(ctx, input.municipalityNumber);
  const plan = await loadPublicPlan(ctx.db, tenant, input.planId);
  const versions = await adoptedVersions(ctx.db, tenant, [plan.id]);
  const chosen = versions.find(
    (v) =>
      v.budgetYear === input.budgetYear && (input.revision === undefined || v.revision === input.revision),
  );
  const newest = versions[0];
  if (!chosen || !newest) throw notFound("actionPlan");

  const [rows, goalRows, focusAreaRows, links] = await Promise.all([
    loadMeasureRows(ctx.db, tenant.id, chosen.id),
    ctx.db
      .select({ id: goals.id, title: goals.title, description: goals.description })
      .from(goals)
      .where(and(eq(goals.planId, plan.id), eq(goals.municipalityId, tenant.id)))
      .orderBy(asc(goals.position)),
    ctx.db
      .select({ id: focusAreas.id, title: focusAreas.title, description: focusAreas.description })
      .from(focusAreas)
      .where(and(eq(focusAreas.planId, plan.id), eq(focusAreas.municipalityId, tenant.id)))
      .orderBy(asc(focusAreas.position)),
    ctx.db
      .select({ goalId: goalFocusAreas.goalId, focusAreaId: goalFocusAreas.focusAreaId })
      .from(goalFocusAreas)
      .where(eq(goalFocusAreas.municipalityId, tenant.id)),
  ]);
  const summaries = rows.map(publicSummary).sort((a, b) => compareReferences(a.reference, b.reference));
  const period = financialPlanPeriod(chosen.budgetYear);
  const focusAreaList: PublicFocusArea[] = focusAreaRows.map((fa) => {
    const own = summaries.filter((m) => m.focusAreaId === fa.id);
    return {
      ...fa,
      goalIds: links.filter((l) => l.focusAreaId === fa.id).map((l) => l.goalId),
      rollUp: rollUpProgress(own),
      measures: own,
    };
  });
  return {
    municipality: { number: tenant.number, name: tenant.name },
    plan: {
      id: plan.id,
      title: plan.title,
      startYear: plan.startYear,
      endYear: plan.endYear,
      vision: plan.vision,
    },
    budgetYear: chosen.budgetYear,
    revision: chosen.revision,
    startYear: period.startYear,
    endYear: period.endYear,
    adoptedOn: chosen.adoptedOn,
    decisionBody: chosen.decisionBody,
    caseReference: chosen.caseReference,
    reason: chosen.reason,
    newest: versionRef(newest),
    isNewest: newest.id === chosen.id,
    versions: versions.map(versionRef),
    goals: goalRows.map((g) => ({
      ...g,
      rollUp: rollUpProgress(summaries.filter((m) => m.goalIds.includes(g.id))),
      focusAreaIds: links.filter((l) => l.goalId === g.id).map((l) => l.focusAreaId),
    })),
    focusAreas: focusAreaList,
    externalByStatus: {
      applied: sumNok(summaries.map((m) => m.externalByStatus.applied)),
      granted: sumNok(summaries.map((m) => m.externalByStatus.granted)),
      expected: sumNok(summaries.map((m) => m.externalByStatus.expected)),
    },
    totals: period.years.map((year) => {
      const of = (kind: "municipalNok" | "externalNok") =>
        sumNok(summaries.map((m) => m.costByYear.find((c) => c.year === year)?.[kind] ?? 0));
      return { year, municipalNok: of("municipalNok"), externalNok: of("externalNok") };
    }),
  };
}
