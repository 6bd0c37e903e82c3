import { and, asc, eq } from "drizzle-orm";
import { type DbOrTx, queryAll } from "../db/client.ts";
import {
  actionPlanVersions,
  budgetFrames,
  cycles,
  frameAreas,
  fundingSources,
  measureCosts,
  measures,
  measureVersions,
} from "../db/schema/index.ts";
import { financialPlanPeriod } from "../domain/cycle.ts";
import { adoptionOverruns, checkFrames, type FrameCheckRow, type Overrun } from "../domain/frame-check.ts";
import { formatNok } from "../domain/money.ts";

export type FrameCheckView = {
  cycleId: string;
  budgetYear: number;
  years: number[];
  areas: { id: string; name: string }[];
  rows: (FrameCheckRow & { frameAreaName: string; frameId: string | null; frameVersion: number | null })[];
  overruns: (Overrun & { frameAreaName: string })[];
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
  if (!cycle) throw new Error("cycle not found");
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
  const rows = checkFrames({
    years,
    frameAreaIds: areas.map((a) => a.id),
    frames: frames.map((f) => ({
      frameAreaId: f.frameAreaId,
      year: f.year,
      amountNok: f.amountNok,
      status: f.status,
    })),
    costs: costs.map((c) => ({ ...c, frameAreaId: c.kind === "municipal" ? c.frameAreaId : null })),
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
  };
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
