import { and, asc, eq, gte, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  evaluationAnswers,
  evaluationPanelists,
  evaluationRoundMeasures,
  evaluationRounds,
  municipalities,
} from "../../db/schema/index.ts";
import { completedMeasures } from "../../domain/evaluation.ts";
import { todayInNorway } from "./evaluation-data.ts";

export type EvaluationTask = {
  municipalityNumber: string;
  roundId: string;
  title: string;
  deadline: string;
  measureCount: number;
  /** Measures the person has answered fully (every criterion scored or «kan ikke vurdere»). */
  answered: number;
};

/**
 * What waits for a person in evaluation rounds: every open round, in any municipality, with them on
 * the panel and the deadline not passed; soonest deadline first. For the in-app notification list.
 */
export async function evaluationTasksFor(
  db: DbOrTx,
  userId: string,
  today = todayInNorway(),
): Promise<EvaluationTask[]> {
  const rounds = await db
    .select({
      roundId: evaluationRounds.id,
      title: evaluationRounds.title,
      deadline: evaluationRounds.deadline,
      criteria: evaluationRounds.criteria,
      municipalityNumber: municipalities.number,
    })
    .from(evaluationPanelists)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationPanelists.roundId))
    .innerJoin(municipalities, eq(municipalities.id, evaluationRounds.municipalityId))
    .where(
      and(
        eq(evaluationPanelists.userId, userId),
        eq(evaluationRounds.status, "open"),
        gte(evaluationRounds.deadline, today),
        eq(municipalities.active, true),
      ),
    )
    .orderBy(asc(evaluationRounds.deadline));
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => r.roundId);
  const [links, answers] = await Promise.all([
    db
      .select({ roundId: evaluationRoundMeasures.roundId, measureId: evaluationRoundMeasures.measureId })
      .from(evaluationRoundMeasures)
      .where(inArray(evaluationRoundMeasures.roundId, ids)),
    db
      .select({
        roundId: evaluationAnswers.roundId,
        measureId: evaluationAnswers.measureId,
        scores: evaluationAnswers.scores,
      })
      .from(evaluationAnswers)
      .where(and(inArray(evaluationAnswers.roundId, ids), eq(evaluationAnswers.userId, userId))),
  ]);
  return rounds.map(({ criteria, ...r }) => {
    const inRound = new Set(links.filter((l) => l.roundId === r.roundId).map((l) => l.measureId));
    return {
      ...r,
      measureCount: inRound.size,
      answered: completedMeasures(
        criteria,
        answers.filter((a) => a.roundId === r.roundId && inRound.has(a.measureId)),
      ),
    };
  });
}
