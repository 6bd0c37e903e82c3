import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { cycles, evaluationRoundMeasures, evaluationRounds, measures } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { getEvaluationSummary } from "../evaluations/get-evaluation-summary.ts";
import { asPublic, loadPublicPlan, publicTenant, uuidPattern } from "./internal.ts";

export type PublicEvaluationRef = {
  id: string;
  title: string;
  budgetYear: number;
  planId: string;
  references: string[];
};

/**
 * The published evaluation summaries of a municipality's published plans, newest first, each with
 * the references of the measures it covers: for links from the plan page and the measure pages.
 */
export async function listPublishedEvaluations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId?: string; reference?: string };
}): Promise<PublicEvaluationRef[]> {
  const tenant = await publicTenant(ctx, input.municipalityNumber);
  if (input.planId !== undefined) await loadPublicPlan(ctx.db, tenant, input.planId);
  const rounds = await ctx.db
    .select({
      id: evaluationRounds.id,
      title: evaluationRounds.title,
      budgetYear: cycles.budgetYear,
      planId: cycles.planId,
    })
    .from(evaluationRounds)
    .innerJoin(cycles, eq(cycles.id, evaluationRounds.cycleId))
    .where(
      and(
        eq(evaluationRounds.municipalityId, tenant.id),
        isNotNull(evaluationRounds.publishedAt),
        input.planId ? eq(cycles.planId, input.planId) : undefined,
      ),
    )
    .orderBy(desc(evaluationRounds.publishedAt));
  if (rounds.length === 0) return [];
  const links = await ctx.db
    .select({ roundId: evaluationRoundMeasures.roundId, reference: measures.reference })
    .from(evaluationRoundMeasures)
    .innerJoin(measures, eq(measures.id, evaluationRoundMeasures.measureId))
    .where(
      inArray(
        evaluationRoundMeasures.roundId,
        rounds.map((r) => r.id),
      ),
    );
  const result = rounds.map((r) => ({
    ...r,
    references: links.filter((l) => l.roundId === r.id).map((l) => l.reference),
  }));
  // Only rounds of published plans.
  const published: PublicEvaluationRef[] = [];
  for (const r of result) {
    try {
      await loadPublicPlan(ctx.db, tenant, r.planId);
    } catch {
      continue;
    }
    if (input.reference === undefined || r.references.includes(input.reference)) published.push(r);
  }
  return published;
}

/**
 * A published evaluation summary as the public sees it: the anonymous aggregate of the existing
 * summary service. Not yet published, of an unpublished plan, or unknown: 404. Small groups are
 * hidden by the page (the public evaluation presenter).
 */
export async function getPublicEvaluation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; roundId: string };
}) {
  if (!uuidPattern.test(input.roundId)) throw notFound("evaluationRound");
  const tenant = await publicTenant(ctx, input.municipalityNumber);
  const [round] = await ctx.db
    .select({ publishedAt: evaluationRounds.publishedAt, planId: cycles.planId })
    .from(evaluationRounds)
    .innerJoin(cycles, eq(cycles.id, evaluationRounds.cycleId))
    .where(and(eq(evaluationRounds.id, input.roundId), eq(evaluationRounds.municipalityId, tenant.id)));
  if (!round?.publishedAt) throw notFound("evaluationRound");
  const plan = await loadPublicPlan(ctx.db, tenant, round.planId);
  const summary = await getEvaluationSummary({ ctx: asPublic(ctx), input });
  return {
    ...summary,
    municipality: { number: tenant.number, name: tenant.name },
    plan: { id: plan.id, title: plan.title },
  };
}

export type PublicEvaluation = Awaited<ReturnType<typeof getPublicEvaluation>>;
