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
import {
  type CostLine,
  ownerPercent,
  ownerVersionFor,
  type ShareLine,
  splitByYear,
  splitMeasureCosts,
} from "../../domain/cost-split.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";

/**
 * Shared measures («felles tiltak»): loaders used by the frame check, the measure list and
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
  /** Year-keyed loads (loadSharedMeasuresForYear): the owner's version the split comes from. */
  source?: { budgetYear: number; revision: number; status: "draft" | "adopted" } | null;
  /** Year-keyed loads: the period of the budget year asked for, and THE split over it. */
  years?: number[];
  split?: ReturnType<typeof splitByYear>;
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
    municipalCostRows(
      db,
      newest.map((n) => n.versionId),
    ),
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

/**
 * Shared measures as they count for budget year `budgetYear` (THE rule, DESIGN «own decisions»):
 * the split comes from the owner's newest ADOPTED action plan version of that cycle, else its
 * newest adopted version of the latest earlier cycle, lines clipped to the period of `budgetYear`.
 * Never another municipality's draft; `ownVersion` names the one version the owner itself is
 * looking at (its own draft, say), used for the measures that municipality owns. `years` is the
 * whole period and `split` has every year of it, 0 included.
 */
export async function loadSharedMeasuresForYear(
  db: DbOrTx,
  input: {
    measureIds: string[];
    budgetYear: number;
    ownVersion?: { municipalityId: string; actionPlanVersionId: string };
  },
): Promise<(SharedMeasure & Required<Pick<SharedMeasure, "source" | "years" | "split">>)[]> {
  if (input.measureIds.length === 0) return [];
  const years = financialPlanPeriod(input.budgetYear).years;
  const measureVersionRows = await db
    .select({
      measureId: measureVersions.measureId,
      versionId: measureVersions.id,
      actionPlanVersionId: measureVersions.actionPlanVersionId,
      title: measureVersions.title,
      planId: cycles.planId,
      budgetYear: cycles.budgetYear,
      revision: actionPlanVersions.revision,
      reference: measures.reference,
      status: measures.status,
      ownerId: municipalities.id,
      ownerNumber: municipalities.number,
      ownerName: municipalities.name,
    })
    .from(measureVersions)
    .innerJoin(measures, eq(measures.id, measureVersions.measureId))
    .innerJoin(municipalities, eq(municipalities.id, measures.municipalityId))
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(inArray(measureVersions.measureId, input.measureIds))
    .orderBy(asc(cycles.budgetYear), asc(actionPlanVersions.revision));
  if (measureVersionRows.length === 0) return [];
  const planIds = [...new Set(measureVersionRows.map((r) => r.planId))];
  const planVersions = await db
    .select({
      id: actionPlanVersions.id,
      planId: cycles.planId,
      budgetYear: cycles.budgetYear,
      revision: actionPlanVersions.revision,
      status: actionPlanVersions.status,
      published: plans.published,
    })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .innerJoin(plans, eq(plans.id, cycles.planId))
    .where(inArray(cycles.planId, planIds));

  const chosen = [...new Set(measureVersionRows.map((r) => r.measureId))].map((measureId) => {
    const ofMeasure = measureVersionRows.filter((r) => r.measureId === measureId);
    const newest = ofMeasure.at(-1) as (typeof ofMeasure)[number];
    const ofPlan = planVersions.filter((v) => v.planId === newest.planId);
    const source =
      input.ownVersion && input.ownVersion.municipalityId === newest.ownerId
        ? (ofPlan.find((v) => v.id === input.ownVersion?.actionPlanVersionId) ?? null)
        : ownerVersionFor(ofPlan, input.budgetYear);
    const version = source ? ofMeasure.find((r) => r.actionPlanVersionId === source.id) : undefined;
    return { measureId, newest, source, version };
  });
  const versionIds = chosen.flatMap((c) => (c.version ? [c.version.versionId] : []));
  const [participations, costRows] = await Promise.all([
    loadParticipations(db, input.measureIds),
    municipalCostRows(db, versionIds),
  ]);
  const inPeriod = new Set(years);
  return chosen.map(({ measureId, newest, source, version }) => {
    const own = participations.filter((p) => p.measureId === measureId);
    const lines = version
      ? costRows
          .filter((c) => c.versionId === version.versionId && inPeriod.has(c.year))
          .map(({ versionId: _v, ...line }) => line)
      : [];
    const parties = joinedParties(own);
    return {
      measureId,
      reference: newest.reference,
      title: (version ?? newest).title,
      status: newest.status,
      owner: { id: newest.ownerId, number: newest.ownerNumber, name: newest.ownerName },
      adopted: source?.status === "adopted",
      published: source?.published ?? false,
      budgetYear: input.budgetYear,
      ownerPercent: ownerPercent(parties.map((p) => p.percent)),
      participations: own,
      shares: splitMeasureCosts({ ownerMunicipalityId: newest.ownerId, participants: parties, lines }),
      lines,
      source: source
        ? { budgetYear: source.budgetYear, revision: source.revision, status: source.status }
        : null,
      years,
      split: splitByYear({ ownerMunicipalityId: newest.ownerId, participants: parties, lines, years }),
    };
  });
}

/** One municipality's part of THE split, per year of the period (0 when it has none). */
export function splitOf(
  m: { years?: number[]; split?: ReturnType<typeof splitByYear> },
  municipalityId: string,
) {
  const years = m.years ?? [];
  const party = m.split?.find((p) => p.municipalityId === municipalityId);
  return years.map((year) => ({
    year,
    amountNok: party?.byYear.find((y) => y.year === year)?.amountNok ?? 0,
    frameAreaId: party?.byYear.find((y) => y.year === year)?.frameAreaId ?? null,
  }));
}

/** The municipal cost lines of these measure versions, by year (none asked, none read). */
async function municipalCostRows(db: DbOrTx, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select({
      versionId: measureCosts.measureVersionId,
      year: measureCosts.year,
      frameAreaId: fundingSources.frameAreaId,
      amountNok: measureCosts.amountNok,
    })
    .from(measureCosts)
    .innerJoin(fundingSources, eq(fundingSources.id, measureCosts.fundingSourceId))
    .where(and(inArray(measureCosts.measureVersionId, versionIds), eq(fundingSources.kind, "municipal")))
    .orderBy(asc(measureCosts.year), asc(measureCosts.id));
}
