import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
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
import {
  joinedParties,
  loadSharedMeasuresForYear,
  sharedMeasureIdsOf,
  splitOf,
} from "../region/shared-measures.ts";

export type FrameCheckView = {
  cycleId: string;
  budgetYear: number;
  years: number[];
  areas: { id: string; name: string }[];
  rows: (FrameCheckRow & {
    frameAreaName: string;
    frameId: string | null;
    frameVersion: number | null;
    /** A frame carried forward at rolling: the adopted økonomiplan it came from. */
    origin: FrameOrigin | null;
  })[];
  /** What blocks adoption (strict: money beyond an ADOPTED frame, or without one). */
  overruns: (Overrun & { frameAreaName: string })[];
  /** Rows over an existing frame (proposed or adopted): the red alert. */
  overBudget: {
    year: number;
    frameAreaId: string;
    frameAreaName: string;
    frameNok: number;
    sumNok: number;
  }[];
  /** Rows with money but no frame yet («Ikke rammesatt»): a warning, not an overrun. */
  unframed: { year: number; frameAreaId: string; frameAreaName: string; sumNok: number }[];
  /** Shared measures whose share is counted here: this municipality's share per year. */
  sharedMeasures: SharedShare[];
};

export type FrameOrigin = {
  /** The budget year of the cycle whose adopted frame this one was carried from. */
  budgetYear: number;
  /** That økonomiplan's period, e.g. 2027–2030. */
  period: { startYear: number; endYear: number };
  caseReference: string | null;
  decisionDate: string | null;
  amountNok: number;
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
  const source = alias(budgetFrames, "source_frame");
  const [areas, frames, origins, costs] = await queryAll(db, [
    () =>
      db
        .select({ id: frameAreas.id, name: frameAreas.name })
        .from(frameAreas)
        .where(eq(frameAreas.municipalityId, municipalityId))
        .orderBy(asc(frameAreas.name)),
    () => db.select().from(budgetFrames).where(eq(budgetFrames.cycleId, cycle.id)),
    () =>
      db
        .select({
          id: source.id,
          budgetYear: cycles.budgetYear,
          caseReference: source.caseReference,
          decisionDate: source.decisionDate,
          amountNok: source.amountNok,
        })
        .from(budgetFrames)
        .innerJoin(source, eq(source.id, budgetFrames.carriedFromFrameId))
        .innerJoin(cycles, eq(cycles.id, source.cycleId))
        .where(eq(budgetFrames.cycleId, cycle.id)),
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
    cycle.budgetYear,
    versionId,
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
  const originBy = new Map(origins.map((o) => [o.id, o]));
  const originOf = (carriedFromFrameId: string | null | undefined): FrameOrigin | null => {
    const o = carriedFromFrameId ? originBy.get(carriedFromFrameId) : undefined;
    if (!o) return null;
    const period = financialPlanPeriod(o.budgetYear);
    return {
      budgetYear: o.budgetYear,
      period: { startYear: period.startYear, endYear: period.endYear },
      caseReference: o.caseReference,
      decisionDate: o.decisionDate,
      amountNok: o.amountNok,
    };
  };
  const areaName = (id: string) => name.get(id) ?? "";
  return {
    cycleId: cycle.id,
    budgetYear: cycle.budgetYear,
    years,
    areas,
    rows: rows.map((r) => {
      const frame = frameBy.get(`${r.frameAreaId}|${r.year}`);
      return {
        ...r,
        frameAreaName: areaName(r.frameAreaId),
        frameId: frame?.id ?? null,
        frameVersion: frame?.version ?? null,
        origin: originOf(frame?.carriedFromFrameId),
      };
    }),
    overruns: adoptionOverruns(rows).map((o) => ({ ...o, frameAreaName: areaName(o.frameAreaId) })),
    overBudget: rows
      .filter((r) => r.state === "over")
      .map((r) => ({
        year: r.year,
        frameAreaId: r.frameAreaId,
        frameAreaName: areaName(r.frameAreaId),
        frameNok: r.frameNok ?? 0,
        sumNok: r.sumNok,
      })),
    unframed: rows
      .filter((r) => r.state === "unframed")
      .map((r) => ({
        year: r.year,
        frameAreaId: r.frameAreaId,
        frameAreaName: areaName(r.frameAreaId),
        sumNok: r.sumNok,
      })),
    sharedMeasures,
  };
}

/**
 * Shared measures in the frame check: of the measures it owns, the municipality counts only its own
 * share of the version checked; of those it has joined, its share of THE split for this budget year
 * (the owner's adopted version of the same cycle, src/services/region/shared-measures.ts), in the
 * frame area it chose.
 */
async function countSharedMeasures(
  db: DbOrTx,
  municipalityId: string,
  budgetYear: number,
  versionId: string | undefined,
  costs: (CostInput & { measureId: string })[],
): Promise<{ counted: CostInput[]; sharedMeasures: SharedShare[] }> {
  const ids = await sharedMeasureIdsOf(db, municipalityId);
  const inPlan = new Set(costs.map((c) => c.measureId));
  const relevant = [...ids.owned.filter((id) => inPlan.has(id)), ...ids.joined];
  const shared = await loadSharedMeasuresForYear(db, {
    measureIds: relevant,
    budgetYear,
    ownVersion: versionId ? { municipalityId, actionPlanVersionId: versionId } : undefined,
  });
  const participantsByMeasure = new Map(
    shared
      .filter((m) => m.owner.id === municipalityId)
      .map((m) => [m.measureId, joinedParties(m.participations)]),
  );
  const joined = shared.filter((m) => m.owner.id !== municipalityId);
  const joinedShares = joined.flatMap((m) =>
    splitOf(m, municipalityId).map((s) => ({
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
        byYear: splitOf(m, municipalityId).map(({ year, amountNok }) => ({ year, amountNok })),
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
