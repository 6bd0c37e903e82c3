import type { Database } from "../src/db/client.ts";
import {
  evaluationAnswers,
  evaluationPanelists,
  evaluationRoundMeasures,
  evaluationRounds,
  indicatorFocusAreas,
  indicatorGoals,
  indicatorImports,
  indicatorTargets,
  indicatorValues,
} from "../src/db/schema/index.ts";
import { createIndicator, createPartnerOfKind } from "./factories.ts";

/** A published or hidden indicator with a 2024 target and values for the municipality and the country. */
export async function createIndicatorWithFigures(
  db: Database,
  municipality: { id: string; number: string; name: string },
  over: {
    name: string;
    published: boolean;
    isExample?: boolean;
    target: number;
    goalId?: string;
    focusAreaId?: string;
  },
) {
  const indicator = await createIndicator(db, {
    municipalityId: municipality.id,
    name: over.name,
    unit: "prosent",
    decimals: 1,
    published: over.published,
    isExample: over.isExample ?? false,
  });
  if (over.goalId)
    await db
      .insert(indicatorGoals)
      .values({ municipalityId: municipality.id, indicatorId: indicator.id, goalId: over.goalId });
  if (over.focusAreaId)
    await db
      .insert(indicatorFocusAreas)
      .values({ municipalityId: municipality.id, indicatorId: indicator.id, focusAreaId: over.focusAreaId });
  await db
    .insert(indicatorTargets)
    .values({ municipalityId: municipality.id, indicatorId: indicator.id, year: 2024, value: over.target });
  const [imported] = await db
    .insert(indicatorImports)
    .values({
      municipalityId: municipality.id,
      indicatorId: indicator.id,
      format: "csv",
      mapping: {},
      valueCount: 4,
    })
    .returning();
  const values = [
    [municipality.number, municipality.name, "2023", 70.5],
    [municipality.number, municipality.name, "2024", 72.25],
    ["0", "Hele landet", "2023", 68],
    ["0", "Hele landet", "2024", 69.5],
  ] as const;
  await db.insert(indicatorValues).values(
    values.map(([regionNumber, regionLabel, period, value]) => ({
      municipalityId: municipality.id,
      importId: imported?.id as string,
      regionCode: regionNumber,
      regionLabel,
      regionNumber,
      period,
      value,
    })),
  );
  return indicator;
}

/** A closed evaluation round on one measure: three from business and one from academia answered. */
export async function createEvaluatedRound(
  db: Database,
  over: { municipalityId: string; cycleId: string; measureId: string; published: boolean },
) {
  const [round] = await db
    .insert(evaluationRounds)
    .values({
      municipalityId: over.municipalityId,
      cycleId: over.cycleId,
      title: "Evaluering av handlingsplanen 2026",
      criteria: [
        { key: "relevance", title: "Relevans" },
        { key: "effect", title: "Effekt" },
      ],
      deadline: "2026-10-01",
      status: "closed",
      closedAt: new Date(),
      publishedAt: over.published ? new Date() : null,
    })
    .returning();
  const roundId = round?.id as string;
  const { municipalityId, measureId } = over;
  await db.insert(evaluationRoundMeasures).values({ municipalityId, roundId, measureId });
  const panel = [
    { kind: "business" as const, scores: { relevance: 4, effect: 3 }, recommendation: "continue" as const },
    { kind: "business" as const, scores: { relevance: 5, effect: 4 }, recommendation: "scale_up" as const },
    { kind: "business" as const, scores: { relevance: 3, effect: 2 }, recommendation: "continue" as const },
    { kind: "academia" as const, scores: { relevance: 1, effect: 1 }, recommendation: "stop" as const },
    // Two «andre»: the hidden groups together are three, so the business group can be shown without
    // giving the single academia answer away by subtraction.
    { kind: "voluntary" as const, scores: { relevance: 3, effect: 3 }, recommendation: "adjust" as const },
    { kind: "voluntary" as const, scores: { relevance: 4, effect: 3 }, recommendation: "continue" as const },
  ];
  for (const p of panel) {
    const { user } = await createPartnerOfKind(db, { municipalityId, kind: p.kind });
    await db.insert(evaluationPanelists).values({ municipalityId, roundId, userId: user.id });
    await db.insert(evaluationAnswers).values({
      municipalityId,
      roundId,
      measureId,
      userId: user.id,
      scores: p.scores,
      recommendation: p.recommendation,
    });
  }
  return roundId;
}
