import { and, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { cycles, plans, proposals } from "../../db/schema/index.ts";
import {
  type Consequences,
  type CycleAction,
  type CycleActionFacts,
  cycleActionConsequences,
} from "../../domain/consequences.ts";
import { cyclePhases } from "../../domain/cycle.ts";
import { stepBackProblems } from "../../domain/phases.ts";
import { notFound } from "../../errors.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { cycleFacts } from "./cycles.ts";

type CycleRow = typeof cycles.$inferSelect;

/** The facts the consequences of a cycle action look at: proposals not decided, the plan's period. */
export async function cycleActionFacts(
  db: DbOrTx,
  cycle: CycleRow,
  action: CycleAction,
): Promise<CycleActionFacts & { plan: { id: string; version: number } }> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, cycle.planId));
  if (!plan) throw notFound("plan");
  const [undecided] = await db
    .select({ n: count() })
    .from(proposals)
    .where(and(eq(proposals.cycleId, cycle.id), eq(proposals.status, "submitted")));
  const index = cyclePhases.indexOf(cycle.phase);
  let targetPhase = null;
  if (action === "advance") targetPhase = cyclePhases[index + 1] ?? null;
  if (action === "step_back") {
    const { facts } = await cycleFacts(db, cycle.id);
    targetPhase = stepBackProblems(cycle.phase, facts).to;
  }
  return {
    budgetYear: cycle.budgetYear,
    phase: cycle.phase,
    targetPhase,
    undecidedProposals: undecided?.n ?? 0,
    planStartYear: plan.startYear,
    planEndYear: plan.endYear,
    plan: { id: plan.id, version: plan.version },
  };
}

export async function loadCycle(db: DbOrTx, tenant: Tenant, cycleId: string) {
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.id, cycleId), eq(cycles.municipalityId, tenant.id)));
  if (!cycle) throw notFound("cycle");
  return cycle;
}

/**
 * What advancing, stepping back, adopting or rolling will do, and the warnings (planners): what the
 * confirmation dialog shows. For a rolling beyond the plan's period, `extendPlan` names the plan and
 * the end year the period would need, so the dialog can offer to extend it.
 */
export async function getCycleConsequences({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string; action: CycleAction };
}): Promise<
  Consequences & {
    targetPhase: CycleActionFacts["targetPhase"];
    extendPlan: { planId: string; version: number; endYear: number } | null;
  }
> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const cycle = await loadCycle(ctx.db, tenant, input.cycleId);
  authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
  const facts = await cycleActionFacts(ctx.db, cycle, input.action);
  const result = cycleActionConsequences(input.action, facts);
  const beyond = input.action === "roll" && facts.budgetYear + 1 > facts.planEndYear;
  return {
    ...result,
    targetPhase: facts.targetPhase,
    extendPlan: beyond
      ? { planId: facts.plan.id, version: facts.plan.version, endYear: facts.budgetYear + 1 }
      : null,
  };
}
