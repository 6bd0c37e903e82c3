import { and, desc, eq, inArray } from "drizzle-orm";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  fundingSources,
  goalFocusAreas,
  goals,
  measureCosts,
  measures,
  measureVersionGoals,
  measureVersions,
  municipalities,
  plans,
} from "../db/schema/index.ts";
import { type CyclePhase, financialPlanPeriod } from "../domain/cycle.ts";
import { buildPlanTree, type PlanTree, type TreeMeasure } from "../domain/plan-tree.ts";
import { notFound } from "../errors.ts";
import type { ServiceContext } from "./context.ts";

export type PlanTreeView = {
  municipality: { number: string; name: string };
  plan: { id: string; title: string; startYear: number; endYear: number; vision: string } | null;
  cycle: {
    budgetYear: number;
    startYear: number;
    endYear: number;
    phase: CyclePhase;
    actionPlan: { revision: number; status: "draft" | "adopted" } | null;
  } | null;
} & PlanTree;

/**
 * The newest plan of a municipality as goal → focus area → measure, with the measures of the newest
 * action plan version of its newest cycle.
 */
export async function getPlanTree({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}): Promise<PlanTreeView> {
  const { db } = ctx;
  const [municipality] = await db
    .select()
    .from(municipalities)
    .where(and(eq(municipalities.number, input.municipalityNumber), eq(municipalities.active, true)));
  if (!municipality) throw notFound("Kommunen");
  const tenant = municipality.id;
  const municipalityView = { number: municipality.number, name: municipality.name };

  const [plan] = await db
    .select()
    .from(plans)
    .where(eq(plans.municipalityId, tenant))
    .orderBy(desc(plans.startYear), desc(plans.createdAt))
    .limit(1);
  if (!plan) return { municipality: municipalityView, plan: null, cycle: null, goals: [], focusAreas: [] };

  const [planGoals, planFocusAreas, links, [cycle]] = await Promise.all([
    db
      .select()
      .from(goals)
      .where(and(eq(goals.municipalityId, tenant), eq(goals.planId, plan.id))),
    db
      .select()
      .from(focusAreas)
      .where(and(eq(focusAreas.municipalityId, tenant), eq(focusAreas.planId, plan.id))),
    db
      .select({ goalId: goalFocusAreas.goalId, focusAreaId: goalFocusAreas.focusAreaId })
      .from(goalFocusAreas)
      .innerJoin(goals, eq(goals.id, goalFocusAreas.goalId))
      .where(and(eq(goalFocusAreas.municipalityId, tenant), eq(goals.planId, plan.id))),
    db
      .select()
      .from(cycles)
      .where(and(eq(cycles.municipalityId, tenant), eq(cycles.planId, plan.id)))
      .orderBy(desc(cycles.budgetYear))
      .limit(1),
  ]);

  const [actionPlan] = cycle
    ? await db
        .select()
        .from(actionPlanVersions)
        .where(and(eq(actionPlanVersions.municipalityId, tenant), eq(actionPlanVersions.cycleId, cycle.id)))
        .orderBy(desc(actionPlanVersions.revision))
        .limit(1)
    : [];

  const treeMeasures = actionPlan ? await loadMeasures(ctx, tenant, actionPlan.id) : [];
  const tree = buildPlanTree({ goals: planGoals, focusAreas: planFocusAreas, links, measures: treeMeasures });

  return {
    municipality: municipalityView,
    plan: {
      id: plan.id,
      title: plan.title,
      startYear: plan.startYear,
      endYear: plan.endYear,
      vision: plan.vision,
    },
    cycle: cycle
      ? {
          budgetYear: cycle.budgetYear,
          ...financialPlanPeriod(cycle.budgetYear),
          phase: cycle.phase,
          actionPlan: actionPlan ? { revision: actionPlan.revision, status: actionPlan.status } : null,
        }
      : null,
    ...tree,
  };
}

async function loadMeasures(
  ctx: ServiceContext,
  tenant: string,
  actionPlanVersionId: string,
): Promise<TreeMeasure[]> {
  const { db } = ctx;
  const versions = await db
    .select({
      id: measureVersions.id,
      reference: measures.reference,
      isExample: measures.isExample,
      title: measureVersions.title,
      focusAreaId: measureVersions.focusAreaId,
      responsibleUnit: measureVersions.responsibleUnit,
      startYear: measureVersions.startYear,
      endYear: measureVersions.endYear,
    })
    .from(measureVersions)
    .innerJoin(measures, eq(measures.id, measureVersions.measureId))
    .where(
      and(
        eq(measureVersions.municipalityId, tenant),
        eq(measureVersions.actionPlanVersionId, actionPlanVersionId),
      ),
    );
  if (versions.length === 0) return [];
  const versionIds = versions.map((v) => v.id);
  const [goalRows, costRows] = await Promise.all([
    db
      .select()
      .from(measureVersionGoals)
      .where(
        and(
          eq(measureVersionGoals.municipalityId, tenant),
          inArray(measureVersionGoals.measureVersionId, versionIds),
        ),
      ),
    db
      .select({
        measureVersionId: measureCosts.measureVersionId,
        year: measureCosts.year,
        amountNok: measureCosts.amountNok,
        kind: fundingSources.kind,
      })
      .from(measureCosts)
      .innerJoin(fundingSources, eq(fundingSources.id, measureCosts.fundingSourceId))
      .where(
        and(eq(measureCosts.municipalityId, tenant), inArray(measureCosts.measureVersionId, versionIds)),
      ),
  ]);
  return versions.map(({ id, ...v }) => ({
    ...v,
    goalIds: goalRows.filter((g) => g.measureVersionId === id).map((g) => g.goalId),
    costs: costRows
      .filter((c) => c.measureVersionId === id)
      .map((c) => ({ year: c.year, kind: c.kind, amountNok: c.amountNok })),
  }));
}
