import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { focusAreas, goals, measures } from "../../db/schema/index.ts";
import { can, type Subject } from "../../domain/permissions.ts";
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

/** The fields of a measure that only the municipality's own staff may read. */
type InternalMeasureFields = {
  statusReason: string;
  contactPerson: string;
  ownerUserId: string | null;
  ownerName: string | null;
  needsReview: boolean;
  reviewNote: string;
};

/**
 * What a reader who does not see drafts (the public, partners, other municipalities, coordinators)
 * may have of a measure: what the public page shows, so no employee names, owner accounts, status
 * reasons or review notes. Applied to every measure the app's API answers with, before filtering,
 * so the list cannot be searched or filtered by what is hidden either.
 */
export function redactForReader<T extends InternalMeasureFields>(subject: Subject, measure: T): T {
  if (can(subject, "read_drafts", "measure")) return measure;
  return {
    ...measure,
    statusReason: "",
    contactPerson: "",
    ownerUserId: null,
    ownerName: null,
    needsReview: false,
    reviewNote: "",
  };
}
