import { eq } from "drizzle-orm";
import { evaluationAnswers, evaluationSelfAssessments, users } from "../../db/schema/index.ts";
import {
  acceptsAnswers,
  aggregateMeasure,
  completedMeasures,
  type EvaluationCriterion,
  type MeasureResult,
  type Recommendation,
  type Sector,
} from "../../domain/evaluation.ts";
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { loadRound, type RoundMeasure, roundObject, todayInNorway } from "./evaluation-data.ts";
import type { SavedAnswer } from "./save-evaluation-answer.ts";

export type IndividualAnswer = {
  name: string;
  sector: Sector;
  organisation: string | null;
  scores: Record<string, number | null>;
  comment: string;
  recommendation: Recommendation | null;
};

export type EvaluationRoundDetail = {
  id: string;
  title: string;
  cycle: { id: string; budgetYear: number; planId: string };
  criteria: EvaluationCriterion[];
  deadline: string;
  status: "open" | "closed";
  publishedAt: string | null;
  version: number;
  acceptsAnswers: boolean;
  allowedActions: Action[];
  isPanelist: boolean;
  /** The measures, with the content a panelist needs to judge them. */
  measures: Omit<RoundMeasure, "measureId">[];
  /** The person's own answers (panelists). */
  myAnswers: SavedAnswer[];
  /** Self-assessments the person may read: planners all, an owner those of their measures. */
  selfAssessments: {
    reference: string;
    text: string;
    version: number;
    authorName: string | null;
    mayEdit: boolean;
  }[];
  /** Progress per panelist (planners only). */
  panel:
    | {
        userId: string;
        name: string;
        sector: Sector;
        organisation: string | null;
        answered: number;
        completed: number;
      }[]
    | null;
  /** Results per measure with individual answers and names (planners only). */
  results:
    | { reference: string; title: string; result: MeasureResult; individual: IndividualAnswer[] }[]
    | null;
};

/** One round as the person may see it: setup and results for planners, their own answers for panelists. */
export async function getEvaluationRound({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; roundId: string };
}): Promise<EvaluationRoundDetail> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const round = await loadRound(ctx.db, tenant, input.roundId);
  const object = roundObject(round);
  authorize(ctx, tenant, "read", "evaluation", object, "evaluationRound");
  const userId = tenant.subject.userId;
  const isPanelist = userId !== null && round.panel.some((p) => p.userId === userId);
  const seesResults = can(tenant.subject, "read_results", "evaluation", object);
  const referenceOf = new Map(round.measures.map((m) => [m.measureId, m.reference]));
  const answers = await ctx.db
    .select()
    .from(evaluationAnswers)
    .where(eq(evaluationAnswers.roundId, round.round.id));
  const mine = answers.filter((a) => a.userId === userId && referenceOf.has(a.measureId));
  const selfRows = await ctx.db
    .select({ s: evaluationSelfAssessments, authorName: users.name })
    .from(evaluationSelfAssessments)
    .leftJoin(users, eq(users.id, evaluationSelfAssessments.authorUserId))
    .where(eq(evaluationSelfAssessments.roundId, round.round.id));
  const selfByMeasure = new Map(selfRows.map((r) => [r.s.measureId, r]));
  const selfAssessments = round.measures.flatMap((m) => {
    const mayEdit =
      round.round.status === "open" &&
      can(tenant.subject, "self_assess", "evaluation", { ...object, ownerUserId: m.ownerUserId });
    const mayRead = seesResults || mayEdit || (userId !== null && m.ownerUserId === userId);
    if (!mayRead) return [];
    const row = selfByMeasure.get(m.measureId);
    return [
      {
        reference: m.reference,
        text: row?.s.text ?? "",
        version: row?.s.version ?? 0,
        authorName: row?.authorName ?? null,
        mayEdit,
      },
    ];
  });
  const panelistOf = new Map(round.panel.map((p) => [p.userId, p]));
  const counted = answers.filter((a) => panelistOf.has(a.userId) && referenceOf.has(a.measureId));
  const criteria = round.round.criteria;
  return {
    id: round.round.id,
    title: round.round.title,
    cycle: { id: round.round.cycleId, budgetYear: round.budgetYear, planId: round.planId },
    criteria,
    deadline: round.round.deadline,
    status: round.round.status,
    publishedAt: round.round.publishedAt?.toISOString() ?? null,
    version: round.round.version,
    acceptsAnswers: acceptsAnswers(round.round, todayInNorway()),
    allowedActions: allowedActions(tenant.subject, "evaluation", object),
    isPanelist,
    measures: round.measures.map(({ measureId: _, ...m }) => m),
    myAnswers: mine.map((a) => ({
      reference: referenceOf.get(a.measureId) ?? "",
      scores: a.scores,
      comment: a.comment,
      recommendation: a.recommendation,
      version: a.version,
      updatedAt: a.updatedAt.toISOString(),
    })),
    selfAssessments,
    panel: seesResults
      ? round.panel.map((p) => {
          const theirs = counted.filter((a) => a.userId === p.userId);
          return {
            userId: p.userId,
            name: p.name,
            sector: p.sector,
            organisation: p.organisation,
            answered: theirs.length,
            completed: completedMeasures(criteria, theirs),
          };
        })
      : null,
    results: seesResults
      ? round.measures.map((m) => {
          const about = counted.filter((a) => a.measureId === m.measureId);
          const withPanelist = about.flatMap((a) => {
            const p = panelistOf.get(a.userId);
            return p ? [{ a, p }] : [];
          });
          return {
            reference: m.reference,
            title: m.title,
            result: aggregateMeasure(
              criteria,
              withPanelist.map(({ a, p }) => ({
                sector: p.sector,
                scores: a.scores,
                recommendation: a.recommendation,
              })),
            ),
            individual: withPanelist.map(({ a, p }) => ({
              name: p.name,
              sector: p.sector,
              organisation: p.organisation,
              scores: a.scores,
              comment: a.comment,
              recommendation: a.recommendation,
            })),
          };
        })
      : null,
  };
}
