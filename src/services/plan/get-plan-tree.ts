import { and, asc, eq, inArray } from "drizzle-orm";
import { focusAreas, goalFocusAreas, goals, objectives } from "../../db/schema/index.ts";
import { type CyclePhase, financialPlanPeriod } from "../../domain/cycle.ts";
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import { buildPlanTree, emptyRollUp, type PlanTree, type TreeMeasure } from "../../domain/plan-tree.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { type ServiceContext, today } from "../context.ts";
import { chooseActionPlan, type YearChoice } from "../cycles/working-action-plan.ts";
import { loadMeasureRows } from "../measures/measure-rows.ts";
import { defaultPlan, readablePlans } from "./list-plans.ts";

export type PlanTreeView = {
  municipality: { number: string; name: string };
  plan: {
    id: string;
    title: string;
    startYear: number;
    endYear: number;
    vision: string;
    basis: string;
    adoptedOn: string | null;
    caseReference: string | null;
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
  /** Which action plan is shown, and the others the asker may switch to. */
  yearChoice: YearChoice;
  /** The municipality's plans the asker may read (for the plan switcher), newest first. */
  plans: { id: string; title: string; startYear: number; endYear: number; published: boolean }[];
} & Omit<PlanTree, "focusAreas"> & {
    focusAreas: (PlanTree["focusAreas"][number] & {
      objectives: { id: string; title: string; position: number; version: number }[];
    })[];
  };

/**
 * One plan of a municipality (`planId`, else the default: the newest published one, see defaultPlan) as goal → focus area → measure, for one action plan: the year
 * asked for, else the plan in execution (ADR 0009). People who may read drafts see the newest version
 * of that cycle; everyone else the newest adopted one.
 */
export async function getPlanTree({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; year?: number; planId?: string };
}): Promise<PlanTreeView> {
  const { db } = ctx;
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const municipalityView = { number: tenant.number, name: tenant.name };
  const readable = await readablePlans(db, tenant);
  const planList = readable.map((p) => ({
    id: p.id,
    title: p.title,
    startYear: p.startYear,
    endYear: p.endYear,
    published: p.published,
  }));
  const empty = {
    municipality: municipalityView,
    plan: null,
    cycle: null,
    yearChoice: { shown: null, alive: [] },
    plans: planList,
    goals: [],
    withoutGoal: { rollUp: emptyRollUp, measures: [] },
    focusAreas: [],
  };

  const plan = input.planId ? readable.find((p) => p.id === input.planId) : defaultPlan(readable);
  if (input.planId && !plan) throw notFound("plan");
  if (!plan) return empty;
  const seesDrafts = can(tenant.subject, "read_drafts", "action_plan");

  const [planGoals, planFocusAreas, links, choice] = await Promise.all([
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
    chooseActionPlan(db, tenant.id, plan.id, {
      year: input.year,
      purpose: "execution",
      seesDrafts,
      today: today(ctx),
    }),
  ]);

  const { actionPlan, yearChoice } = choice;
  const treeMeasures = actionPlan ? await loadMeasures(ctx, tenant.id, actionPlan.id) : [];
  const tree = buildPlanTree({ goals: planGoals, focusAreas: planFocusAreas, links, measures: treeMeasures });
  const objectiveRows = planFocusAreas.length
    ? await db
        .select({
          id: objectives.id,
          title: objectives.title,
          position: objectives.position,
          version: objectives.version,
          focusAreaId: objectives.focusAreaId,
        })
        .from(objectives)
        .where(
          and(
            eq(objectives.municipalityId, tenant.id),
            inArray(
              objectives.focusAreaId,
              planFocusAreas.map((f) => f.id),
            ),
          ),
        )
        .orderBy(asc(objectives.position))
    : [];

  return {
    municipality: municipalityView,
    plan: {
      id: plan.id,
      title: plan.title,
      startYear: plan.startYear,
      endYear: plan.endYear,
      vision: plan.vision,
      basis: plan.basis,
      adoptedOn: plan.adoptedOn,
      caseReference: plan.caseReference,
      published: plan.published,
      version: plan.version,
      allowedActions: allowedActions(tenant.subject, "plan", { published: plan.published }),
    },
    cycle: actionPlan
      ? {
          budgetYear: actionPlan.budgetYear,
          ...financialPlanPeriod(actionPlan.budgetYear),
          phase: actionPlan.phase,
          actionPlan: {
            revision: actionPlan.revision,
            status: actionPlan.status,
            adoptedOn: actionPlan.adoptedOn,
            decisionBody: actionPlan.decisionBody,
            caseReference: actionPlan.caseReference,
          },
        }
      : null,
    yearChoice,
    plans: planList,
    goals: tree.goals,
    withoutGoal: tree.withoutGoal,
    focusAreas: tree.focusAreas.map((fa) => ({
      ...fa,
      objectives: objectiveRows.filter((o) => o.focusAreaId === fa.id).map(({ focusAreaId: _f, ...o }) => o),
    })),
  };
}

async function loadMeasures(
  ctx: ServiceContext,
  tenant: string,
  actionPlanVersionId: string,
): Promise<TreeMeasure[]> {
  const rows = await loadMeasureRows(ctx.db, tenant, actionPlanVersionId);
  return rows.map((r) => ({
    reference: r.reference,
    title: r.title,
    focusAreaId: r.focusAreaId,
    goalIds: r.goalIds,
    responsibleUnit: r.responsibleUnit,
    startYear: r.startYear,
    endYear: r.endYear,
    isExample: r.isExample,
    status: r.status,
    progress: r.progress,
    costs: r.costs,
  }));
}
