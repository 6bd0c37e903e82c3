import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  evaluationAnswers,
  evaluationPanelists,
  evaluationRoundMeasures,
  evaluationRounds,
  evaluationSelfAssessments,
  measures,
  measureVersions,
  memberships,
  partnerOrganisations,
  users,
} from "../db/schema/index.ts";
import { defaultCriteria } from "../domain/evaluation.ts";
import { todayInNorway } from "../services/evaluations/evaluation-data.ts";
import {
  closedRoundTitle,
  demoPanelists,
  openRoundDaysLeft,
  openRoundTitle,
  panelComments,
  recommendationSets,
  scoreSets,
  selfAssessmentText,
} from "./data/evaluations.ts";

/**
 * Writes the demo evaluation rounds (src/demo/data/evaluations.ts): a closed round of the adopted
 * cycle with answers and a self-assessment, and an open round for the demo partner.
 */
export async function insertDemoEvaluations(
  tx: DbOrTx,
  municipalityId: string,
  people: { partnerUserId: string; plannerUserId: string; ownerUserId: string | null },
): Promise<void> {
  const organisations = await tx
    .select()
    .from(partnerOrganisations)
    .where(eq(partnerOrganisations.municipalityId, municipalityId));
  const organisationOf = demoPanelists.map((p) => organisations.find((o) => o.kind === p.organisationKind));
  if (organisationOf.some((o) => o === undefined)) return;
  const panelists = await tx
    .insert(users)
    .values(demoPanelists.map((p) => ({ email: p.email, name: p.name, isDemo: true })))
    .returning({ id: users.id, email: users.email });
  const [nora, aksel] = panelists;
  if (!nora || !aksel) throw new Error("demo panelists not inserted");
  await tx.insert(memberships).values(
    [nora, aksel].map((panelist, i) => ({
      municipalityId,
      userId: panelist.id,
      role: "partner" as const,
      organisationId: organisationOf[i]?.id ?? null,
    })),
  );

  const [adopted] = await tx
    .select({ cycleId: cycles.id, actionPlanId: actionPlanVersions.id, budgetYear: cycles.budgetYear })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(and(eq(cycles.municipalityId, municipalityId), eq(actionPlanVersions.status, "adopted")))
    .orderBy(asc(cycles.budgetYear))
    .limit(1);
  if (!adopted) return;
  const inPlan = await tx
    .select({ id: measures.id, reference: measures.reference, ownerUserId: measureVersions.ownerUserId })
    .from(measureVersions)
    .innerJoin(measures, eq(measures.id, measureVersions.measureId))
    .where(eq(measureVersions.actionPlanVersionId, adopted.actionPlanId))
    .orderBy(asc(measures.reference));
  const chosen = inPlan.slice(0, 3);
  if (chosen.length === 0) return;
  const year = adopted.budgetYear;

  const [closed] = await tx
    .insert(evaluationRounds)
    .values({
      municipalityId,
      cycleId: adopted.cycleId,
      title: closedRoundTitle(year),
      criteria: defaultCriteria,
      deadline: `${year}-05-31`,
      status: "closed",
      closedAt: new Date(`${year}-06-02T12:00:00Z`),
      createdByUserId: people.plannerUserId,
    })
    .returning();
  if (!closed) throw new Error("demo round not inserted");
  const closedPanel = [nora.id, aksel.id, people.partnerUserId, people.plannerUserId];
  await tx
    .insert(evaluationRoundMeasures)
    .values(chosen.map((m) => ({ municipalityId, roundId: closed.id, measureId: m.id })));
  await tx
    .insert(evaluationPanelists)
    .values(closedPanel.map((userId) => ({ municipalityId, roundId: closed.id, userId })));
  await tx.insert(evaluationAnswers).values(
    closedPanel.flatMap((userId, p) =>
      chosen.map((m, i) => ({
        municipalityId,
        roundId: closed.id,
        measureId: m.id,
        userId,
        scores: Object.fromEntries(defaultCriteria.map((c, k) => [c.key, scoreSets[p]?.[i]?.[k] ?? null])),
        comment: p === 0 ? (panelComments[i] ?? "") : "",
        recommendation: recommendationSets[p]?.[i] ?? null,
        createdAt: new Date(`${year}-05-20T10:00:00Z`),
        updatedAt: new Date(`${year}-05-20T10:00:00Z`),
      })),
    ),
  );
  const owned = chosen[0];
  if (owned)
    await tx.insert(evaluationSelfAssessments).values({
      municipalityId,
      roundId: closed.id,
      measureId: owned.id,
      text: selfAssessmentText,
      authorUserId: owned.ownerUserId ?? people.ownerUserId,
    });

  const deadline = new Date(`${todayInNorway()}T12:00:00Z`);
  deadline.setUTCDate(deadline.getUTCDate() + openRoundDaysLeft);
  const [open] = await tx
    .insert(evaluationRounds)
    .values({
      municipalityId,
      cycleId: adopted.cycleId,
      title: openRoundTitle(year),
      criteria: defaultCriteria,
      deadline: deadline.toISOString().slice(0, 10),
      createdByUserId: people.plannerUserId,
    })
    .returning();
  if (!open) throw new Error("demo round not inserted");
  await tx
    .insert(evaluationRoundMeasures)
    .values(chosen.map((m) => ({ municipalityId, roundId: open.id, measureId: m.id })));
  await tx
    .insert(evaluationPanelists)
    .values([people.partnerUserId, aksel.id].map((userId) => ({ municipalityId, roundId: open.id, userId })));
}
