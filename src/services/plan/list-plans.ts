import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { actionPlanVersions, cycles, goals, measureVersions, plans } from "../../db/schema/index.ts";
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import { resolveTenant, type Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";

export type PlanSummary = {
  id: string;
  title: string;
  basis: string;
  startYear: number;
  endYear: number;
  published: boolean;
  /** The budget years of the plan's cycles, newest first. */
  budgetYears: number[];
  goalCount: number;
  measureCount: number;
};

export type PlanList = {
  plans: PlanSummary[];
  /** The plan a view shows when the address names none (see defaultPlan). */
  defaultPlanId: string | null;
  allowedActions: Action[];
};

/**
 * The plan a view shows when none is chosen: the newest published plan (what the council has
 * adopted and people read), else the newest plan. A plan still being drafted is one choice away.
 */
export function defaultPlan<T extends { published: boolean }>(readable: T[]): T | undefined {
  return readable.find((p) => p.published) ?? readable[0];
}

/**
 * The plans of a municipality the asker may read, newest first (by start year, then creation): each
 * runs its own goals, focus areas, cycles and action plans (a næringsplan, a klima- og energiplan, …).
 */
export async function readablePlans(db: DbOrTx, tenant: Tenant) {
  const rows = await db
    .select()
    .from(plans)
    .where(eq(plans.municipalityId, tenant.id))
    .orderBy(desc(plans.startYear), desc(plans.createdAt));
  return rows.filter((p) => can(tenant.subject, "read", "plan", { published: p.published }));
}

export async function listPlans({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}): Promise<PlanList> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const readable = await readablePlans(ctx.db, tenant);
  const ids = readable.map((p) => p.id);
  const [cycleRows, goalCounts, measureCounts] = ids.length
    ? await Promise.all([
        ctx.db
          .select({ planId: cycles.planId, budgetYear: cycles.budgetYear })
          .from(cycles)
          .where(and(eq(cycles.municipalityId, tenant.id), inArray(cycles.planId, ids)))
          .orderBy(desc(cycles.budgetYear)),
        ctx.db
          .select({ planId: goals.planId, n: sql<number>`count(*)::int` })
          .from(goals)
          .where(and(eq(goals.municipalityId, tenant.id), inArray(goals.planId, ids)))
          .groupBy(goals.planId),
        // A measure belongs to the plan whose action plans hold its versions.
        ctx.db
          .select({
            planId: cycles.planId,
            n: sql<number>`count(distinct ${measureVersions.measureId})::int`,
          })
          .from(measureVersions)
          .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
          .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
          .where(and(eq(measureVersions.municipalityId, tenant.id), inArray(cycles.planId, ids)))
          .groupBy(cycles.planId),
      ])
    : [[], [], []];
  return {
    plans: readable.map((p) => ({
      id: p.id,
      title: p.title,
      basis: p.basis,
      startYear: p.startYear,
      endYear: p.endYear,
      published: p.published,
      budgetYears: cycleRows.filter((c) => c.planId === p.id).map((c) => c.budgetYear),
      goalCount: goalCounts.find((g) => g.planId === p.id)?.n ?? 0,
      measureCount: measureCounts.find((m) => m.planId === p.id)?.n ?? 0,
    })),
    defaultPlanId: defaultPlan(readable)?.id ?? null,
    allowedActions: allowedActions(tenant.subject, "plan", {}).filter((a) => a === "create"),
  };
}
