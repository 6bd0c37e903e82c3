import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  budgetFrames,
  cycles,
  measureCosts,
  measures,
  measureVersions,
} from "../../db/schema/index.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { defaultPhaseDates } from "../../domain/phases.ts";
import { planRolling } from "../../domain/rolling.ts";
import { AppError } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { copyMeasureVersions } from "./copy-measure-versions.ts";
import { lockCycle } from "./cycles.ts";

/**
 * Rolls an adopted cycle into the next budget year's draft, by the rules in src/domain/rolling.ts,
 * in one transaction: all of it or nothing. Rolling the same cycle twice is refused.
 */
export async function rollCycle({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const cycle = await lockCycle(tx, tenant, input.cycleId);
    authorize(ctx, tenant, "update", "action_plan", {}, "cycle");
    const [next] = await tx
      .select({ id: cycles.id })
      .from(cycles)
      .where(and(eq(cycles.planId, cycle.planId), eq(cycles.budgetYear, cycle.budgetYear + 1)));
    if (next) throw new AppError("conflict", "cycle.alreadyRolled", { year: cycle.budgetYear + 1 });
    const [adopted] = await tx
      .select()
      .from(actionPlanVersions)
      .where(and(eq(actionPlanVersions.cycleId, cycle.id), eq(actionPlanVersions.status, "adopted")))
      .orderBy(desc(actionPlanVersions.revision))
      .limit(1);
    if (!adopted) throw new AppError("conflict", "cycle.notAdoptedCannotRoll", { year: cycle.budgetYear });

    const sources = await tx
      .select({
        versionId: measureVersions.id,
        measureId: measures.id,
        reference: measures.reference,
        status: measures.status,
        endYear: measureVersions.endYear,
      })
      .from(measureVersions)
      .innerJoin(measures, eq(measures.id, measureVersions.measureId))
      .where(eq(measureVersions.actionPlanVersionId, adopted.id));
    const costs = sources.length
      ? await tx
          .select()
          .from(measureCosts)
          .where(
            inArray(
              measureCosts.measureVersionId,
              sources.map((s) => s.versionId),
            ),
          )
      : [];
    const costsByVersion = new Map<string, typeof costs>();
    for (const c of costs)
      costsByVersion.set(c.measureVersionId, [...(costsByVersion.get(c.measureVersionId) ?? []), c]);
    const plan = planRolling(
      cycle.budgetYear,
      sources.map((s) => ({ ...s, recommendation: null, costs: costsByVersion.get(s.versionId) ?? [] })),
    );

    const [newCycle] = await tx
      .insert(cycles)
      .values({
        municipalityId: tenant.id,
        planId: cycle.planId,
        budgetYear: plan.budgetYear,
        phase: "innspill",
        phaseDates: defaultPhaseDates(plan.budgetYear),
        rolledFromCycleId: cycle.id,
      })
      .returning();
    if (!newCycle) throw new Error("cycle not inserted");
    const [draft] = await tx
      .insert(actionPlanVersions)
      .values({ municipalityId: tenant.id, cycleId: newCycle.id, revision: 0, status: "draft" })
      .returning();
    if (!draft) throw new Error("action plan not inserted");
    const versionByMeasure = new Map(sources.map((s) => [s.measureId, s.versionId]));
    await copyMeasureVersions(
      tx,
      plan.carried.map((c) => versionByMeasure.get(c.measureId) as string),
      draft.id,
      new Map(
        plan.carried.map((c) => [
          c.measureId,
          { costs: c.costs, needsReview: true, reviewNote: c.reviewNote },
        ]),
      ),
    );
    const carriedFrames = await carryAdoptedFrames(tx, tenant.id, cycle.id, newCycle.id, plan.budgetYear);
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "cycle",
        objectId: newCycle.id,
        objectLabel: `Rullering ${plan.budgetYear}`,
        action: "roll",
        changes: {
          from: { before: null, after: cycle.budgetYear },
          carried: { before: null, after: plan.carried.length },
          left: { before: null, after: plan.left.map((l) => `${l.reference} (${l.why})`) },
          carried_frames: { before: null, after: carriedFrames },
        },
      },
      ctx.requestId,
    );
    return {
      cycleId: newCycle.id,
      budgetYear: plan.budgetYear,
      carried: plan.carried.length,
      carriedFrames,
      left: plan.left,
    };
  });
}

/**
 * The økonomiplan carries forward: the frames adopted with the source cycle for the years both
 * periods share become the new cycle's starting frames (still adopted, with their decision), marked
 * with the frame they came from. The new last year gets none («ikke rammesatt»).
 */
async function carryAdoptedFrames(
  tx: DbOrTx,
  municipalityId: string,
  fromCycleId: string,
  toCycleId: string,
  budgetYear: number,
): Promise<number> {
  const years = financialPlanPeriod(budgetYear).years;
  const adopted = await tx
    .select()
    .from(budgetFrames)
    .where(
      and(
        eq(budgetFrames.cycleId, fromCycleId),
        eq(budgetFrames.status, "adopted"),
        inArray(budgetFrames.year, years),
      ),
    );
  if (adopted.length === 0) return 0;
  await tx.insert(budgetFrames).values(
    adopted.map((f) => ({
      municipalityId,
      cycleId: toCycleId,
      frameAreaId: f.frameAreaId,
      year: f.year,
      amountNok: f.amountNok,
      status: "adopted" as const,
      decisionDate: f.decisionDate,
      caseReference: f.caseReference,
      carriedFromFrameId: f.id,
    })),
  );
  return adopted.length;
}
