import { and, asc, eq } from "drizzle-orm";
import { type DbOrTx, queryAll } from "../../db/client.ts";
import {
  actionPlanVersions,
  budgetFrames,
  cycles,
  frameAreas,
  fundingSources,
  measureCosts,
  measures,
  measureVersions,
} from "../../db/schema/index.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import {
  adoptionOverruns,
  type CostInput,
  checkFrames,
  countOwnShares,
  type FrameCheckRow,
  type Overrun,
} from "../../domain/frame-check.ts";
import { formatNok } from "../../domain/money.ts";
import { notFound } from "../../errors.ts";
import { joinedParties, loadSharedMeasures, sharedMeasureIdsOf } from "../region/shared-measures.ts";

export type FrameCheckView = {
  cycleId: string;
  budgetYear: number;
  years: number[];
  areas: { id: string; name: string }[];
  rows: (FrameCheckRow & { frameAreaName: string; frameId: string | null; frameVersion: number | null })[];
  overruns: (Overrun & { frameAreaName: string })[];
  /** Shared measures (issue 12) whose share is counted here: this municipality's share per year. */
  sharedMeasures: SharedShare[];
};

export type SharedShare = {
  measureId: string;
  reference: string;
  title: string;
  ownerNumber: string;
  ownerName: string;
  role: "owner" | "participant";
  sharePercent: number;
  byYear: { year: number; amountNok: number }[];
};

/** The frame check of a cycle's action plan version (its newest unless one is named). */
export async function computeFrameCheck(
  db: DbOrTx,
  municipalityId: string,
  cycleId: string,
  actionPlanVersionId?: string,
): Promise<FrameCheckView> {
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.id, cycleId), eq(cycles.municipalityId, municipalityId)));
  if (!cycle) throw notFound("cycle");
  const versionId =
    actionPlanVersionId ??
    (
      await db
        .select({ id: actionPlanVersions.id, revision: actionPlanVersions.revision })
        .from(actionPlanVersions)
        .where(eq(actionPlanVersions.cycleId, cycle.id))
        .orderBy(asc(actionPlanVersions.revision))
    ).at(-1)?.id;
  const years = financialPlanPeriod(cycle.budgetYear).years;
  const [areas, frames, costs] = await queryAll(db, [
    () =>
      db
        .select({ id: frameAreas.id, name: frameAreas.name })
        .from(frameAreas)
        .where(eq(frameAreas.municipalityId, municipalityId))
        .orderBy(asc(frameAreas.name)),
    () => db.select().from(budgetFrames).where(eq(budgetFrames.cycleId, cycle.id)),
    () =>
      versionId
        ? db
            .select({
              measureId: measures.id,
              reference: measures.reference,
              frameAreaId: fundingSources.frameAreaId,
              kind: fundingSources.kind,
              year: measureCosts.year,
              amountNok: measureCosts.amountNok,
            })
            .from(measureCosts)
            .innerJoin(fundingSources, eq(fundingSources.id, measureCosts.fundingSourceId))
            .innerJoin(measureVersions, eq(measureVersions.id, measureCosts.measureVersionId))
            .innerJoin(measures, eq(measures.id, measureVersions.measureId))
            .where(eq(measureVersions.actionPlanVersionId, versionId))
        : [],
  ]);
  const { counted, sharedMeasures } = await countSharedMeasures(
    db,
    municipalityId,
    years,
    costs.map((c) => ({ ...c, frameAreaId: c.kind === "municipal" ? c.frameAreaId : null })),
  );
  const rows = checkFrames({
    years,
    frameAreaIds: areas.map((a) => a.id),
    frames: frames.map((f) => ({
      frameAreaId: f.frameAreaId,
      year: f.year,
      amountNok: f.amountNok,
      status: f.status,
    })),
    costs: counted,
  });
  const name = new Map(areas.map((a) => [a.id, a.name]));
  const frameBy = new Map(frames.map((f) => [`${f.frameAreaId}|${f.year}`, f]));
  return {
    cycleId: cycle.id,
    budgetYear: cycle.budgetYear,
    years,
    areas,
    rows: rows.map((r) => {
      const frame = frameBy.get(`${r.frameAreaId}|${r.year}`);
      return {
        ...r,
        frameAreaName: name.get(r.frameAreaId) ?? "",
        frameId: frame?.id ?? null,
        frameVersion: frame?.version ?? null,
      };
    }),
    overruns: adoptionOverruns(rows).map((o) => ({ ...o, frameAreaName: name.get(o.frameAreaId) ?? "" })),
    sharedMeasures,
  };
}

/**
 * Shared measures in the frame check: of the measures it owns, the municipality counts only its own
 * share; of those it has joined, its share of the owner's newest version, in the frame area it chose.
 */
async function countSharedMeasures(
  db: DbOrTx,
  municipalityId: string,
  years: number[],
  costs: (CostInput & { measureId: string })[],
): Promise<{ counted: CostInput[]; sharedMeasures: SharedShare[] }> {
  const ids = await sharedMeasureIdsOf(db, municipalityId);
  const inPlan = new Set(costs.map((c) => c.measureId));
  const relevant = [...ids.owned.filter((id) => inPlan.has(id)), ...ids.joined];
  const shared = await loadSharedMeasures(db, relevant);
  const participantsByMeasure = new Map(
    shared
      .filter((m) => m.owner.id === municipalityId)
      .map((m) => [m.measureId, joinedParties(m.participations)]),
  );
  const joined = shared.filter((m) => m.owner.id !== municipalityId);
  const joinedShares = joined.flatMap((m) =>
    m.shares
      .filter((s) => s.municipalityId === municipalityId)
      .map((s) => ({
        reference: `${m.owner.name} ${m.reference}`,
        frameAreaId: s.frameAreaId,
        year: s.year,
        amountNok: s.amountNok,
      })),
  );
  const counted = countOwnShares({ municipalityId, costs, participantsByMeasure, joinedShares });
  const sharedMeasures: SharedShare[] = shared
    .filter((m) => m.participations.some((p) => p.status === "joined"))
    .map((m) => {
      const isOwner = m.owner.id === municipalityId;
      const ownCounted = isOwner
        ? counted.filter((c) => c.reference === m.reference)
        : joinedShares.filter((c) => c.reference === `${m.owner.name} ${m.reference}`);
      return {
        measureId: m.measureId,
        reference: m.reference,
        title: m.title,
        ownerNumber: m.owner.number,
        ownerName: m.owner.name,
        role: isOwner ? "owner" : "participant",
        sharePercent: isOwner
          ? m.ownerPercent
          : (m.participations.find((p) => p.municipalityId === municipalityId)?.sharePercent ?? 0),
        byYear: years.map((year) => ({
          year,
          amountNok: ownCounted
            .filter((c) => c.year === year && c.frameAreaId !== null)
            .reduce((a, c) => a + c.amountNok, 0),
        })),
      };
    });
  return { counted, sharedMeasures };
}

/** The refusal text: every overrun with year, area, frame, sum and excess. */
export function describeOverruns(overruns: FrameCheckView["overruns"]): string {
  return overruns
    .map(
      (o) =>
        `${o.year}, ${o.frameAreaName}: ramme ${o.frameNok === null ? "ikke vedtatt" : formatNok(o.frameNok)}, sum ${formatNok(o.sumNok)}, over med ${formatNok(o.excessNok)}`,
    )
    .join("; ");
}
