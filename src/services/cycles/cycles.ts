import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { actionPlanVersions, cycles, measureVersions, plans } from "../../db/schema/index.ts";
import { type CyclePhase, cyclePhases, financialPlanPeriod } from "../../domain/cycle.ts";
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import {
  type CycleFacts,
  defaultPhaseDates,
  type PhaseDates,
  transitionProblems,
} from "../../domain/phases.ts";
import { type CycleRole, cycleRoles } from "../../domain/year-model.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant, type Tenant } from "../access.ts";
import { computeFrameCheck } from "../budget/frame-check.ts";
import { type ServiceContext, today } from "../context.ts";
import { reminderKey, remindersSentFor } from "../reminders/internal.ts";
import { proposalPhaseEnd } from "../reminders/send-phase-end-reminders.ts";

export type ActionPlanVersionView = {
  id: string;
  revision: number;
  status: "draft" | "adopted";
  reason: string | null;
  adoptedOn: string | null;
  decisionBody: string | null;
  caseReference: string | null;
  measureCount: number;
  needsReview: number;
};

export type CycleView = {
  id: string;
  budgetYear: number;
  startYear: number;
  endYear: number;
  phase: CyclePhase;
  phaseDates: PhaseDates;
  version: number;
  rolledFromBudgetYear: number | null;
  actionPlans: ActionPlanVersionView[];
  nextPhase: CyclePhase | null;
  /** Why the cycle cannot move to the next phase yet (empty when it can). */
  blockers: string[];
  /** The next budget year exists already (this cycle has been rolled). */
  rolled: boolean;
  /** What the cycle is today (ADR 0009). */
  role: CycleRole;
  /** The day the roles are computed for (YYYY-MM-DD). */
  today: string;
  /** When the reminder before the proposal phase's current end went out (null: not yet). */
  proposalReminderSentAt: string | null;
  allowedActions: Action[];
};

export async function loadPlanForCycles(db: DbOrTx, tenant: Tenant, planId: string) {
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.municipalityId, tenant.id)));
  if (!plan || !can(tenant.subject, "read", "plan", { published: plan.published })) throw notFound("plan");
  return plan;
}

/** The facts the phase rules look at, for one cycle. */
export async function cycleFacts(
  db: DbOrTx,
  cycleId: string,
): Promise<{ facts: CycleFacts; versions: ActionPlanVersionView[] }> {
  const rows = await db
    .select({
      actionPlan: actionPlanVersions,
      measureCount: count(measureVersions.id),
      needsReview: sql<number>`count(*) filter (where ${measureVersions.needsReview})::int`,
    })
    .from(actionPlanVersions)
    .leftJoin(measureVersions, eq(measureVersions.actionPlanVersionId, actionPlanVersions.id))
    .where(eq(actionPlanVersions.cycleId, cycleId))
    .groupBy(actionPlanVersions.id)
    .orderBy(asc(actionPlanVersions.revision));
  const versions = rows.map((r) => ({
    id: r.actionPlan.id,
    revision: r.actionPlan.revision,
    status: r.actionPlan.status,
    reason: r.actionPlan.reason,
    adoptedOn: r.actionPlan.adoptedOn,
    decisionBody: r.actionPlan.decisionBody,
    caseReference: r.actionPlan.caseReference,
    measureCount: r.measureCount,
    needsReview: r.needsReview,
  }));
  const newest = versions.at(-1);
  const [cycle] = await db
    .select({ municipalityId: cycles.municipalityId })
    .from(cycles)
    .where(eq(cycles.id, cycleId));
  const check =
    cycle && newest ? await computeFrameCheck(db, cycle.municipalityId, cycleId, newest.id) : null;
  return {
    versions,
    facts: {
      measureCount: newest?.measureCount ?? 0,
      measuresNeedingReview: newest?.needsReview ?? 0,
      actionPlanAdopted: versions.some((v) => v.status === "adopted"),
      openRevision: versions.some((v) => v.status === "draft" && v.revision > 0),
      framesNotAdopted: (check?.overruns ?? [])
        .filter((o) => o.frameNok === null)
        .map((o) => `${o.year} ${o.frameAreaName}`),
    },
  };
}

/** The plan's cycles (årshjul data): phases with dates, action plan versions, and what blocks the next step. */
export async function listCycles({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string };
}): Promise<CycleView[]> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const plan = await loadPlanForCycles(ctx.db, tenant, input.planId);
  const seesDrafts = can(tenant.subject, "read_drafts", "action_plan");
  const rows = await ctx.db
    .select()
    .from(cycles)
    .where(and(eq(cycles.planId, plan.id), eq(cycles.municipalityId, tenant.id)))
    .orderBy(desc(cycles.budgetYear));
  const years = new Set(rows.map((r) => r.budgetYear));
  const yearById = new Map(rows.map((r) => [r.id, r.budgetYear]));
  const views: CycleView[] = [];
  const day = today(ctx);
  const allFacts: Awaited<ReturnType<typeof cycleFacts>>[] = [];
  for (const cycle of rows) allFacts.push(await cycleFacts(ctx.db, cycle.id));
  const reminders = await remindersSentFor(
    ctx.db,
    "phase_end",
    rows.map((r) => r.id),
  );
  const roles = cycleRoles(
    rows.map((cycle, i) => {
      const adopted = (allFacts[i]?.versions ?? []).filter((v) => v.status === "adopted").at(-1);
      return {
        budgetYear: cycle.budgetYear,
        phase: cycle.phase,
        adopted: !!adopted,
        adoptedOn: adopted?.adoptedOn ?? null,
      };
    }),
    day,
  );
  for (const [i, cycle] of rows.entries()) {
    const { facts, versions } = allFacts[i] as Awaited<ReturnType<typeof cycleFacts>>;
    const visible = seesDrafts ? versions : versions.filter((v) => v.status === "adopted");
    if (visible.length === 0 && !seesDrafts) continue;
    const nextPhase = cyclePhases[cyclePhases.indexOf(cycle.phase) + 1] ?? null;
    views.push({
      id: cycle.id,
      budgetYear: cycle.budgetYear,
      ...financialPlanPeriod(cycle.budgetYear),
      phase: cycle.phase,
      phaseDates: { ...defaultPhaseDates(cycle.budgetYear), ...(cycle.phaseDates as Partial<PhaseDates>) },
      version: cycle.version,
      rolledFromBudgetYear: cycle.rolledFromCycleId ? (yearById.get(cycle.rolledFromCycleId) ?? null) : null,
      actionPlans: visible,
      nextPhase,
      blockers: nextPhase ? transitionProblems(cycle.phase, nextPhase, facts) : [],
      rolled: years.has(cycle.budgetYear + 1),
      role: roles[i]?.role ?? "past",
      today: day,
      proposalReminderSentAt:
        reminders.get(reminderKey(cycle.id, proposalPhaseEnd(cycle)))?.toISOString() ?? null,
      allowedActions: allowedActions(tenant.subject, "action_plan"),
    });
  }
  return views;
}

/** Loads and locks a cycle of the municipality for a write; 404 when it is not theirs. */
export async function lockCycle(tx: DbOrTx, tenant: Tenant, cycleId: string) {
  const [cycle] = await tx
    .select()
    .from(cycles)
    .where(and(eq(cycles.id, cycleId), eq(cycles.municipalityId, tenant.id)))
    .for("update");
  if (!cycle) throw notFound("cycle");
  return cycle;
}
