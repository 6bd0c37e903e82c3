import { and, eq, inArray } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type DbOrTx, queryAll } from "../../db/client.ts";
import {
  fundingSources,
  measureCosts,
  measures,
  measureVersionGoals,
  measureVersionObjectives,
  measureVersionPartners,
  measureVersions,
  partnerOrganisations,
  users,
} from "../../db/schema/index.ts";
import type { MeasureLink, MeasureStatus, PartnerRole } from "../../domain/measures.ts";

export type MeasureRow = {
  measureId: string;
  versionId: string;
  reference: string;
  isExample: boolean;
  /** Running state (on the measure's identity). */
  status: MeasureStatus;
  statusReason: string;
  progress: number | null;
  /** The date of the approved status report the state comes from; null while kept by hand. */
  statusAsOf: string | null;
  stateVersion: number;
  /** Plan content (this action plan version's). */
  contentVersion: number;
  /** «Må vurderes» after a rolling, with why. */
  needsReview: boolean;
  reviewNote: string;
  title: string;
  description: string;
  focusAreaId: string;
  responsibleUnit: string;
  contactPerson: string;
  ownerUserId: string | null;
  ownerName: string | null;
  startYear: number;
  endYear: number;
  tags: string[];
  links: MeasureLink[];
  goalIds: string[];
  objectiveIds: string[];
  partners: { id: string; name: string; role: PartnerRole }[];
  costs: {
    year: number;
    kind: "municipal" | "external";
    amountNok: number;
    fundingSourceId: string;
    externalStatus: "applied" | "granted" | "expected" | null;
  }[];
};

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Every measure of one action plan version with its content, running state, links and costs:
 * six queries whatever the number of measures, joined in memory by version id.
 */
export async function loadMeasureRows(
  db: DbOrTx,
  municipalityId: string,
  actionPlanVersionId: string,
  onlyMeasureId?: string,
): Promise<MeasureRow[]> {
  const versions = await db
    .select({
      measureId: measures.id,
      versionId: measureVersions.id,
      reference: measures.reference,
      isExample: measures.isExample,
      status: measures.status,
      statusReason: measures.statusReason,
      progress: measures.progress,
      statusAsOf: measures.statusAsOf,
      stateVersion: measures.version,
      contentVersion: measureVersions.version,
      needsReview: measureVersions.needsReview,
      reviewNote: measureVersions.reviewNote,
      title: measureVersions.title,
      description: measureVersions.description,
      focusAreaId: measureVersions.focusAreaId,
      responsibleUnit: measureVersions.responsibleUnit,
      contactPerson: measureVersions.contactPerson,
      ownerUserId: measureVersions.ownerUserId,
      ownerName: users.name,
      startYear: measureVersions.startYear,
      endYear: measureVersions.endYear,
      tags: measureVersions.tags,
      links: measureVersions.links,
    })
    .from(measureVersions)
    .innerJoin(measures, eq(measures.id, measureVersions.measureId))
    .leftJoin(users, eq(users.id, measureVersions.ownerUserId))
    .where(
      and(
        eq(measureVersions.municipalityId, municipalityId),
        eq(measureVersions.actionPlanVersionId, actionPlanVersionId),
        onlyMeasureId ? eq(measureVersions.measureId, onlyMeasureId) : undefined,
      ),
    );
  if (versions.length === 0) return [];
  // The link tables are filtered by the action plan through a subquery rather than by a list of
  // thousands of version ids, which costs more to build and send than the query takes to run.
  const inVersions = (column: AnyPgColumn) =>
    inArray(
      column,
      db
        .select({ id: measureVersions.id })
        .from(measureVersions)
        .where(
          and(
            eq(measureVersions.actionPlanVersionId, actionPlanVersionId),
            onlyMeasureId ? eq(measureVersions.measureId, onlyMeasureId) : undefined,
          ),
        ),
    );
  const inTenant = (table: { municipalityId: AnyPgColumn }) => eq(table.municipalityId, municipalityId);

  const [goalRows, objectiveRows, partnerRows, costRows] = await queryAll(db, [
    () =>
      db
        .select({ versionId: measureVersionGoals.measureVersionId, goalId: measureVersionGoals.goalId })
        .from(measureVersionGoals)
        .where(and(inTenant(measureVersionGoals), inVersions(measureVersionGoals.measureVersionId))),
    () =>
      db
        .select({
          versionId: measureVersionObjectives.measureVersionId,
          objectiveId: measureVersionObjectives.objectiveId,
        })
        .from(measureVersionObjectives)
        .where(
          and(inTenant(measureVersionObjectives), inVersions(measureVersionObjectives.measureVersionId)),
        ),
    () =>
      db
        .select({
          versionId: measureVersionPartners.measureVersionId,
          id: partnerOrganisations.id,
          name: partnerOrganisations.name,
          role: measureVersionPartners.role,
        })
        .from(measureVersionPartners)
        .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, measureVersionPartners.organisationId))
        .where(and(inTenant(measureVersionPartners), inVersions(measureVersionPartners.measureVersionId))),
    () =>
      db
        .select({
          versionId: measureCosts.measureVersionId,
          year: measureCosts.year,
          amountNok: measureCosts.amountNok,
          kind: fundingSources.kind,
          fundingSourceId: measureCosts.fundingSourceId,
          externalStatus: measureCosts.externalStatus,
        })
        .from(measureCosts)
        .innerJoin(fundingSources, eq(fundingSources.id, measureCosts.fundingSourceId))
        .where(and(inTenant(measureCosts), inVersions(measureCosts.measureVersionId))),
  ]);
  const goalsBy = groupBy(goalRows, (r) => r.versionId);
  const objectivesBy = groupBy(objectiveRows, (r) => r.versionId);
  const partnersBy = groupBy(partnerRows, (r) => r.versionId);
  const costsBy = groupBy(costRows, (r) => r.versionId);
  return versions.map((v) => ({
    ...v,
    goalIds: (goalsBy.get(v.versionId) ?? []).map((r) => r.goalId),
    objectiveIds: (objectivesBy.get(v.versionId) ?? []).map((r) => r.objectiveId),
    partners: (partnersBy.get(v.versionId) ?? []).map(({ id, name, role }) => ({ id, name, role })),
    costs: (costsBy.get(v.versionId) ?? []).map(({ versionId: _v, ...cost }) => cost),
  }));
}
