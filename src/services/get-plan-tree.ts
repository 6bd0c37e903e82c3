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
  plans,
} from "../db/schema/index.ts";
import { type CyclePhase, financialPlanPeriod } from "../domain/cycle.ts";
import { type Action, allowedActions, can } from "../domain/permissions.ts";
import { buildPlanTree, type PlanTree, type TreeMeasure } from "../domain/plan-tree.ts";
import { resolveTenant } from "./access.ts";
import type { ServiceContext } from "./context.ts";

export type PlanTreeView = {
  municipality: { number: string; name: string };
  plan: {
    id: string;
    title: string;
    startYear: number;
    endYear: number;
    vision: string;
    published: boolean;
    version: number;
    allowedActions: Action[];
  } | null;
  cycle: {
    budgetYear: number;
    startYear: number;
    endYear: number;
    phase: CyclePhase;
    actionPlan: {
      revision: number;
      status: "draft" | "adopted";
      adoptedOn: string | null;
      decisionBody: string | null;
      caseReference: string | null;
    } | null;
  } | null;
} & PlanTree;

/**
 * The newest plan of a municipality as goal → focus area → measure. People who may read drafts see
 * the newest action plan version of the newest cycle; everyone else the newest adopted one.
 */
export async function getPlanTree({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}): Promise<PlanTreeView> {
  const { db } = ctx;
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const municipalityView = { number: tenant.number, name: tenant.name };
  const empty = { municipality: municipalityView, plan: null, cycle: null, goals: [], focusAreas: [] };

  const [plan] = await db
    .select()
    .from(plans)
    .where(eq(plans.municipalityId, tenant.id))
    .orderBy(desc(plans.startYear), desc(plans.createdAt))
    .limit(1);
  if (!plan || !can(tenant.subject, "read", "plan", { published: plan.published })) return empty;
  const seesDrafts = can(tenant.subject, "read_drafts", "action_plan");

  const [planGoals, planFocusAreas, links, [current]] = await Promise.all([
    db
      .select()
      .from(goals)
      .where(and(eq(goals.municipalityId, tenant.id), eq(goals.planId, plan.id))),
    db
      .select()
      .from(focusAreas)
      .where(and(eq(focusAreas.municipalityId, tenant.id), eq(focusAreas.planId, plan.id))),
    db
      .select({ goalId: goalFocusAreas.goalId, focusAreaId: goalFocusAreas.focusAreaId })
      .from(goalFocusAreas)
      .innerJoin(goals, eq(goals.id, goalFocusAreas.goalId))
      .where(and(eq(goalFocusAreas.municipalityId, tenant.id), eq(goals.planId, plan.id))),
    db
      .select({ cycle: cycles, actionPlan: actionPlanVersions })
      .from(cycles)
      .leftJoin(actionPlanVersions, eq(actionPlanVersions.cycleId, cycles.id))
      .where(
        and(
          eq(cycles.municipalityId, tenant.id),
          eq(cycles.planId, plan.id),
          seesDrafts ? undefined : eq(actionPlanVersions.status, "adopted"),
        ),
      )
      .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision))
      .limit(1),
  ]);

  const actionPlan = current?.actionPlan ?? null;
  const treeMeasures = actionPlan ? await loadMeasures(ctx, tenant.id, actionPlan.id) : [];
  const tree = buildPlanTree({ goals: planGoals, focusAreas: planFocusAreas, links, measures: treeMeasures });

  return {
    municipality: municipalityView,
    plan: {
      id: plan.id,
      title: plan.title,
      startYear: plan.startYear,
      endYear: plan.endYear,
      vision: plan.vision,
      published: plan.published,
      version: plan.version,
      allowedActions: allowedActions(tenant.subject, "plan", { published: plan.published }),
    },
    cycle: current
      ? {
          budgetYear: current.cycle.budgetYear,
          ...financialPlanPeriod(current.cycle.budgetYear),
          phase: current.cycle.phase,
          actionPlan: actionPlan
            ? {
                revision: actionPlan.revision,
                status: actionPlan.status,
                adoptedOn: actionPlan.adoptedOn,
                decisionBody: actionPlan.decisionBody,
                caseReference: actionPlan.caseReference,
              }
            : null,
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
