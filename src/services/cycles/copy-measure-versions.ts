import { inArray } from "drizzle-orm";
import { type DbOrTx, queryAll } from "../../db/client.ts";
import {
  measureCosts,
  measureVersionGoals,
  measureVersionObjectives,
  measureVersionPartners,
  measureVersions,
} from "../../db/schema/index.ts";

type CostRow = { year: number; fundingSourceId: string; amountNok: number };
export type CopyOptions = { costs?: CostRow[]; needsReview?: boolean; reviewNote?: string };

const chunk = <T>(rows: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (const batch of chunk(rows)) if (batch.length > 0) await insert(batch);
}

/**
 * Copies measure versions into another action plan version (a revision, or the next cycle's draft)
 * with their goals, objectives, partners and costs, in a handful of set-based statements whatever
 * the number of measures. `options` per measure id may replace the costs and set «må vurderes».
 */
export async function copyMeasureVersions(
  tx: DbOrTx,
  sourceVersionIds: string[],
  targetActionPlanVersionId: string,
  options: Map<string, CopyOptions> = new Map(),
): Promise<Map<string, string>> {
  const newIdBySource = new Map<string, string>();
  if (sourceVersionIds.length === 0) return newIdBySource;
  const sources = (
    await Promise.all(
      chunk(sourceVersionIds).map((ids) =>
        tx.select().from(measureVersions).where(inArray(measureVersions.id, ids)),
      ),
    )
  ).flat();
  for (const batch of chunk(sources)) {
    const inserted = await tx
      .insert(measureVersions)
      .values(
        batch.map(({ id: _id, createdAt: _c, updatedAt: _u, version: _v, ...content }) => {
          const o = options.get(content.measureId);
          return {
            ...content,
            actionPlanVersionId: targetActionPlanVersionId,
            needsReview: o?.needsReview ?? content.needsReview,
            reviewNote: o?.reviewNote ?? content.reviewNote,
          };
        }),
      )
      .returning({ id: measureVersions.id, measureId: measureVersions.measureId });
    const sourceByMeasure = new Map(batch.map((s) => [s.measureId, s.id]));
    for (const row of inserted) newIdBySource.set(sourceByMeasure.get(row.measureId) as string, row.id);
  }
  const ids = [...newIdBySource.keys()];
  const target = (sourceId: string) => newIdBySource.get(sourceId) as string;
  const [goalRows, objectiveRows, partnerRows, costRows] = await queryAll(tx, [
    () => tx.select().from(measureVersionGoals).where(inArray(measureVersionGoals.measureVersionId, ids)),
    () =>
      tx
        .select()
        .from(measureVersionObjectives)
        .where(inArray(measureVersionObjectives.measureVersionId, ids)),
    () =>
      tx.select().from(measureVersionPartners).where(inArray(measureVersionPartners.measureVersionId, ids)),
    () => tx.select().from(measureCosts).where(inArray(measureCosts.measureVersionId, ids)),
  ]);
  await insertAll(goalRows, (b) =>
    tx
      .insert(measureVersionGoals)
      .values(b.map((r) => ({ ...r, measureVersionId: target(r.measureVersionId) }))),
  );
  await insertAll(objectiveRows, (b) =>
    tx
      .insert(measureVersionObjectives)
      .values(b.map((r) => ({ ...r, measureVersionId: target(r.measureVersionId) }))),
  );
  await insertAll(partnerRows, (b) =>
    tx
      .insert(measureVersionPartners)
      .values(b.map((r) => ({ ...r, measureVersionId: target(r.measureVersionId) }))),
  );

  const costsBySource = new Map<string, CostRow[]>();
  for (const c of costRows)
    costsBySource.set(c.measureVersionId, [...(costsBySource.get(c.measureVersionId) ?? []), c]);
  const costs = sources.flatMap((source) => {
    const rows = options.get(source.measureId)?.costs ?? costsBySource.get(source.id) ?? [];
    return rows.map((c) => ({
      municipalityId: source.municipalityId,
      measureVersionId: target(source.id),
      year: c.year,
      fundingSourceId: c.fundingSourceId,
      amountNok: c.amountNok,
    }));
  });
  await insertAll(costs, (b) => tx.insert(measureCosts).values(b));
  return newIdBySource;
}
