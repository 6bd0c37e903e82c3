import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { focusAreas, goals, measures } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";

/**
 * The measure with this reference in the municipality; 404 when there is none. `lock` takes a row
 * lock for the rest of the transaction (a delete checks the measure's versions before it goes).
 */
export async function measureByReference(
  db: DbOrTx,
  tenant: { id: string },
  reference: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(measures)
    .where(and(eq(measures.municipalityId, tenant.id), eq(measures.reference, reference)));
  const [measure] = options.lock ? await query.for("update") : await query;
  if (!measure) throw notFound("measure");
  return measure;
}

/** Where a measure version sits in the plan: its focus area's title and its goals, in plan order. */
export async function focusAreaAndGoals(db: DbOrTx, row: { focusAreaId: string; goalIds: string[] }) {
  const [focusArea, goalRows] = await Promise.all([
    db.select({ title: focusAreas.title }).from(focusAreas).where(eq(focusAreas.id, row.focusAreaId)),
    row.goalIds.length
      ? db
          .select({ id: goals.id, title: goals.title })
          .from(goals)
          .where(inArray(goals.id, row.goalIds))
          .orderBy(asc(goals.position))
      : [],
  ]);
  return { focusAreaTitle: focusArea[0]?.title ?? "", goals: goalRows };
}
