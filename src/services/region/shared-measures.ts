import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  fundingSources,
  measureCosts,
  measureParticipations,
  measures,
  measureVersions,
  municipalities,
  plans,
} from "../../db/schema/index.ts";
import { type CostLine, ownerPercent, type ShareLine, splitMeasureCosts } from "../../domain/cost-split.ts";

/**
 * Shared measures («felles tiltak», issue 12): loaders used by the frame check, the measure list and
 * the regional overview. The content of a shared measure is its owner's newest version (the draft
 * while there is one); participants' shares follow from the split rule in src/domain/cost-split.ts.
 */
export type Participation = typeof measureParticipations.$inferSelect & {
  municipalityNumber: string;
  municipalityName: string;
};

export type SharedMeasure = {
  measureId: string;
  reference: string;
  title: string;
  status: string;
  owner: { id: string; number: string; name: string };
  /** The owner's newest version: its action plan's status, and whether its plan is published. */
  adopted: boolean;
  published: boolean;
  budgetYear: number;
  ownerPercent: number;
  participations: Participation[];
  /** Every party's share of every municipal cost line (joined participants only). */
  shares: ShareLine[];
  lines: CostLine[];
};

/** Participations of these measures (all statuses), participants by municipality number. */
export async function loadParticipations(db: DbOrTx, measureIds: string[]): Promise<Participation[]> {
  if (measureIds.length === 0) return [];
  return db
    .select({
      id: measureParticipations.id,
      municipalityId: measureParticipations.municipalityId,
      measureId: measureParticipations.measureId,
      ownerMunicipalityId: measureParticipations.ownerMunicipalityId,
      status: measureParticipations.status,
      sharePercent: measureParticipations.sharePercent,
      frameAreaId: measureParticipations.frameAreaId,
      version: measureParticipations.version,
      createdAt: measureParticipations.createdAt,
      updatedAt: measureParticipations.updatedAt,
      municipalityNumber: municipalities.number,
      municipalityName: municipalities.name,
    })
    .from(measureParticipations)
    .innerJoin(municipalities, eq(municipalities.id, measureParticipations.municipalityId))
    .where(inArray(measureParticipations.measureId, measureIds))
    .orderBy(asc(municipalities.number));
}

/** The joined participants in split order (by municipality number), for splitMeasureCosts. */
export const joinedParties = (participations: Participation[]) =>
  participations
    .filter((p) => p.status === "joined")
    .map((p) => ({ municipalityId: p.municipalityId, percent: p.sharePercent, frameAreaId: p.frameAreaId }));

/** Shared measures by id, with their owner's newest version, cost lines and the split. */
export async function loadSharedMeasures(db: DbOrTx, measureIds: string[]): Promise<SharedMeasure[]> {
  if (measureIds.length === 0) return [];
  const newest = await db
    .selectDistinctOn([measureVersions.measureId], {
      measureId: measureVersions.measureId,
      versionId: measureVersions.id,
      title: measureVersions.title,
      reference: measures.reference,
      status: measures.status,
      ownerId: municipalities.id,
      ownerNumber: municipalities.number,
      ownerName: municipalities.name,
      actionPlanStatus: actionPlanVersions.status,
      published: plans.published,
      budgetYear: cycles.budgetYear,
    })
    .from(measureVersions)
    .innerJoin(measures, eq(measures.id, measureVersions.measureId))
    .innerJoin(municipalities, eq(municipalities.id, measures.municipalityId))
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .innerJoin(plans, eq(plans.id, cycles.planId))
    .where(inArray(measureVersions.measureId, measureIds))
    .orderBy(measureVersions.measureId, desc(cycles.budgetYear), desc(actionPlanVersions.revision));
  if (newest.length === 0) return [];
  const [participations, costRows] = await Promise.all([
    loadParticipations(db, measureIds),
    db
      .select({
        versionId: measureCosts.measureVersionId,
        year: measureCosts.year,
        frameAreaId: fundingSources.frameAreaId,
        amountNok: measureCosts.amountNok,
      })
      .from(measureCosts)
      .innerJoin(fundingSources, eq(fundingSources.id, measureCosts.fundingSourceId))
      .where(
        and(
          inArray(
            measureCosts.measureVersionId,
            newest.map((n) => n.versionId),
          ),
          eq(fundingSources.kind, "municipal"),
        ),
      )
      .orderBy(asc(measureCosts.year), asc(measureCosts.id)),
  ]);
  return newest.map((n) => {
    const own = participations.filter((p) => p.measureId === n.measureId);
    const lines = costRows
      .filter((c) => c.versionId === n.versionId)
      .map(({ versionId: _v, ...line }) => line);
    const parties = joinedParties(own);
    return {
      measureId: n.measureId,
      reference: n.reference,
      title: n.title,
      status: n.status,
      owner: { id: n.ownerId, number: n.ownerNumber, name: n.ownerName },
      adopted: n.actionPlanStatus === "adopted",
      published: n.published,
      budgetYear: n.budgetYear,
      ownerPercent: ownerPercent(parties.map((p) => p.percent)),
      participations: own,
      shares: splitMeasureCosts({ ownerMunicipalityId: n.ownerId, participants: parties, lines }),
      lines,
    };
  });
}

/** Measure ids a municipality takes part in (by status) or owns with any participation. */
export async function sharedMeasureIdsOf(db: DbOrTx, municipalityId: string) {
  const rows = await db
    .select({
      measureId: measureParticipations.measureId,
      status: measureParticipations.status,
      asOwner: sql<boolean>`${measureParticipations.ownerMunicipalityId} = ${municipalityId}`,
    })
    .from(measureParticipations)
    .where(
      sql`${measureParticipations.municipalityId} = ${municipalityId} or ${measureParticipations.ownerMunicipalityId} = ${municipalityId}`,
    );
  return {
    owned: [...new Set(rows.filter((r) => r.asOwner).map((r) => r.measureId))],
    joined: rows.filter((r) => !r.asOwner && r.status === "joined").map((r) => r.measureId),
    invited: rows.filter((r) => !r.asOwner && r.status === "invited").map((r) => r.measureId),
  };
}

/** One municipality's share per year of a shared measure. */
export function shareByYear(measure: SharedMeasure, municipalityId: string, years: number[]) {
  return years.map((year) => ({
    year,
    amountNok: measure.shares
      .filter((s) => s.municipalityId === municipalityId && s.year === year)
      .reduce((a, s) => a + s.amountNok, 0),
  }));
}
