import { and, desc, eq } from "drizzle-orm";
import { cycles, evaluationAnswers, evaluationRounds, plans } from "../../db/schema/index.ts";
import { isOverdue } from "../../domain/deadlines.ts";
import { completedMeasures, defaultCriteria } from "../../domain/evaluation.ts";
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { reminderKey, remindersSentFor } from "../reminders/internal.ts";
import {
  cycleMeasures,
  loadRound,
  membersWithSector,
  roundObject,
  todayInNorway,
} from "./evaluation-data.ts";

export type EvaluationRoundSummary = {
  id: string;
  title: string;
  budgetYear: number;
  deadline: string;
  /** The deadline has passed and the round is still open (to be closed). */
  overdue: boolean;
  status: "open" | "closed";
  publishedAt: string | null;
  measureCount: number;
  panelCount: number;
  /** Panelists who have answered every criterion of every measure. */
  panelDone: number;
  isPanelist: boolean;
  /** For a panelist: measures they have answered fully. */
  myCompleted: number | null;
  /** When the reminder before the current deadline went out (null: not yet). */
  reminderSentAt: string | null;
};

/** The rounds the person may see: planners all; others those they are on the panel of or own a measure in. */
export async function listEvaluationRounds({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}): Promise<{ rounds: EvaluationRoundSummary[]; allowedActions: Action[] }> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  if (tenant.subject.role === "anonymous") authorize(ctx, tenant, "read", "evaluation", {}, "evaluations");
  const rows = await ctx.db
    .select({ id: evaluationRounds.id })
    .from(evaluationRounds)
    .where(eq(evaluationRounds.municipalityId, tenant.id))
    .orderBy(desc(evaluationRounds.createdAt));
  const userId = tenant.subject.userId;
  const rounds: EvaluationRoundSummary[] = [];
  const today = todayInNorway();
  const reminders = await remindersSentFor(
    ctx.db,
    "evaluation_deadline",
    rows.map((r) => r.id),
  );
  for (const { id } of rows) {
    const round = await loadRound(ctx.db, tenant, id);
    if (!can(tenant.subject, "read", "evaluation", roundObject(round))) continue;
    const answers = await ctx.db
      .select({ userId: evaluationAnswers.userId, scores: evaluationAnswers.scores })
      .from(evaluationAnswers)
      .where(eq(evaluationAnswers.roundId, id));
    const criteria = round.round.criteria;
    const doneBy = (uid: string) =>
      completedMeasures(
        criteria,
        answers.filter((a) => a.userId === uid),
      );
    const isPanelist = userId !== null && round.panel.some((p) => p.userId === userId);
    rounds.push({
      id,
      title: round.round.title,
      budgetYear: round.budgetYear,
      deadline: round.round.deadline,
      overdue: isOverdue(round.round.deadline, today, round.round.status === "closed"),
      status: round.round.status,
      publishedAt: round.round.publishedAt?.toISOString() ?? null,
      measureCount: round.measures.length,
      panelCount: round.panel.length,
      panelDone: round.panel.filter(
        (p) => round.measures.length > 0 && doneBy(p.userId) >= round.measures.length,
      ).length,
      isPanelist,
      myCompleted: isPanelist && userId ? doneBy(userId) : null,
      reminderSentAt: reminders.get(reminderKey(id, round.round.deadline))?.toISOString() ?? null,
    });
  }
  return { rounds, allowedActions: allowedActions(tenant.subject, "evaluation") };
}

/** What a planner chooses from when opening a round: cycles with their measures, the members, default criteria. */
export async function getEvaluationOptions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "create", "evaluation", {}, "evaluations");
  const cycleRows = await ctx.db
    .select({ id: cycles.id, budgetYear: cycles.budgetYear, planTitle: plans.title })
    .from(cycles)
    .innerJoin(plans, eq(plans.id, cycles.planId))
    .where(and(eq(cycles.municipalityId, tenant.id)))
    .orderBy(desc(cycles.budgetYear));
  const withMeasures = await Promise.all(
    cycleRows.map(async (c) => ({
      ...c,
      measures: (await cycleMeasures(ctx.db, tenant.id, c.id)).map((m) => ({
        reference: m.reference,
        title: m.title,
        status: m.status,
      })),
    })),
  );
  const people = (await membersWithSector(ctx.db, tenant.id)).map(({ email: _, ...p }) => p);
  return { cycles: withMeasures, people, defaultCriteria };
}
