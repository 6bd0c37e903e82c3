import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
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
import { splitMeasureCosts } from "../../domain/cost-split.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import {
  framesThatCount,
  measureValue,
  type PrioritisationInput,
  type PrioritisationResult,
  preparePrioritisation,
  readSolution,
} from "../../domain/prioritisation.ts";
import { AppError, notFound } from "../../errors.ts";
import { solveInWorker } from "../../infra/solver-thread.ts";
import type { Tenant } from "../access.ts";
import { latestEvaluations } from "../evaluations/evaluation-feeds.ts";
import { joinedParties, loadParticipations } from "../region/shared-measures.ts";

/*
 * Shared by the prioritisation use cases: the data it works on (the draft's measures with municipal
 * costs, and the frames), the draft-only rule and the solve in the worker thread.
 */

export async function solve(input: PrioritisationInput): Promise<PrioritisationResult> {
  const prepared = preparePrioritisation(input);
  if ("result" in prepared) return prepared.result;
  return readSolution(input, prepared.model, await solveInWorker(prepared.model));
}

/** The cycle, scoped to the municipality, and its newest action plan version. */
export async function cycleAndNewestVersion(db: DbOrTx, tenant: Tenant, cycleId: string) {
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.id, cycleId), eq(cycles.municipalityId, tenant.id)));
  if (!cycle) throw notFound("cycle");
  const [version] = await db
    .select()
    .from(actionPlanVersions)
    .where(eq(actionPlanVersions.cycleId, cycle.id))
    .orderBy(desc(actionPlanVersions.revision))
    .limit(1);
  if (!version) throw new AppError("validation", "cycle.noActionPlan", { year: cycle.budgetYear });
  return { cycle, version };
}

/**
 * Locks the municipality's cycle for a prioritisation write (adoption or another prioritisation
 * cannot interleave) and returns it with its newest action plan version, which must be a draft.
 */
export async function lockDraftForPrioritisation(tx: DbOrTx, tenant: Tenant, cycleId: string) {
  const [locked] = await tx
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.id, cycleId), eq(cycles.municipalityId, tenant.id)))
    .for("update");
  if (!locked) throw notFound("cycle");
  const { cycle, version } = await cycleAndNewestVersion(tx, tenant, cycleId);
  requireDraft(cycle, version);
  return { cycle, version };
}

export function requireDraft(cycle: { budgetYear: number }, version: { status: string }) {
  if (version.status !== "draft")
    throw new AppError("conflict", "actionPlan.adoptedCannotReprioritise", { year: cycle.budgetYear });
}

export type PrioritisationMeasureView = {
  reference: string;
  title: string;
  priority: number | null;
  mandatory: boolean;
  value: number;
  /** Mean over the criteria in the latest closed evaluation round with the measure; null without. */
  evaluationScore: number | null;
  /** The title of the round that score comes from. */
  evaluationRound: string | null;
  version: number;
  costs: { frameAreaId: string; year: number; amountNok: number }[];
};

/** What prioritisation works on: an action plan version's measures with municipal costs, and the frames. */
export async function loadPrioritisationData(db: DbOrTx, tenant: Tenant, cycleId: string) {
  const { cycle, version } = await cycleAndNewestVersion(db, tenant, cycleId);
  const [areas, frames, versions, costs] = await queryAll(db, [
    () =>
      db
        .select({ id: frameAreas.id, name: frameAreas.name })
        .from(frameAreas)
        .where(eq(frameAreas.municipalityId, tenant.id))
        .orderBy(asc(frameAreas.name)),
    () =>
      db
        .select({
          id: budgetFrames.id,
          frameAreaId: budgetFrames.frameAreaId,
          year: budgetFrames.year,
          amountNok: budgetFrames.amountNok,
          status: budgetFrames.status,
          decisionDate: budgetFrames.decisionDate,
          caseReference: budgetFrames.caseReference,
          version: budgetFrames.version,
        })
        .from(budgetFrames)
        .where(and(eq(budgetFrames.cycleId, cycle.id), eq(budgetFrames.municipalityId, tenant.id))),
    () =>
      db
        .select({
          id: measureVersions.id,
          measureId: measures.id,
          reference: measures.reference,
          title: measureVersions.title,
          priority: measureVersions.priority,
          mandatory: measureVersions.mandatory,
          version: measureVersions.version,
        })
        .from(measureVersions)
        .innerJoin(measures, eq(measures.id, measureVersions.measureId))
        .where(
          and(
            eq(measureVersions.actionPlanVersionId, version.id),
            eq(measureVersions.municipalityId, tenant.id),
          ),
        ),
    () =>
      // Municipal money only: external funding never counts against a frame.
      db
        .select({
          measureVersionId: measureCosts.measureVersionId,
          frameAreaId: fundingSources.frameAreaId,
          year: measureCosts.year,
          amountNok: measureCosts.amountNok,
        })
        .from(measureCosts)
        .innerJoin(fundingSources, eq(fundingSources.id, measureCosts.fundingSourceId))
        .innerJoin(measureVersions, eq(measureVersions.id, measureCosts.measureVersionId))
        .where(
          and(
            eq(measureVersions.actionPlanVersionId, version.id),
            eq(fundingSources.kind, "municipal"),
            isNotNull(fundingSources.frameAreaId),
          ),
        ),
  ]);
  const costsOf = new Map<string, PrioritisationMeasureView["costs"]>();
  for (const c of costs) {
    if (!c.frameAreaId || c.amountNok === 0) continue;
    const list = costsOf.get(c.measureVersionId) ?? [];
    list.push({ frameAreaId: c.frameAreaId, year: c.year, amountNok: c.amountNok });
    costsOf.set(c.measureVersionId, list);
  }
  const evaluations = await latestEvaluations(
    db,
    tenant.id,
    versions.map((v) => v.measureId),
  );
  // Shared measures: the owner prioritises with its own share, as its frame check counts.
  const participations = await loadParticipations(
    db,
    versions.map((v) => v.measureId),
  );
  for (const v of versions) {
    const parties = joinedParties(participations.filter((p) => p.measureId === v.measureId));
    const lines = costsOf.get(v.id);
    if (parties.length === 0 || !lines) continue;
    costsOf.set(
      v.id,
      splitMeasureCosts({ ownerMunicipalityId: tenant.id, participants: parties, lines })
        .filter((s) => s.municipalityId === tenant.id && s.amountNok !== 0)
        .map((s) => ({ frameAreaId: s.frameAreaId ?? "", year: s.year, amountNok: s.amountNok })),
    );
  }
  const measureViews: PrioritisationMeasureView[] = versions
    .map((v) => ({
      reference: v.reference,
      title: v.title,
      priority: v.priority,
      mandatory: v.mandatory,
      value: measureValue(v.priority),
      evaluationScore: evaluations.get(v.measureId)?.score ?? null,
      evaluationRound:
        evaluations.get(v.measureId)?.score == null
          ? null
          : (evaluations.get(v.measureId)?.roundTitle ?? null),
      version: v.version,
      costs: (costsOf.get(v.id) ?? []).sort(
        (a, b) => a.year - b.year || a.frameAreaId.localeCompare(b.frameAreaId),
      ),
    }))
    .sort((a, b) => a.reference.localeCompare(b.reference, "nb", { numeric: true }));
  return {
    cycle,
    version,
    years: financialPlanPeriod(cycle.budgetYear).years,
    areas,
    frames: framesThatCount(frames),
    measures: measureViews,
  };
}
