import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { actionPlanVersions, cycles, measures, removedMeasureVersions } from "../../db/schema/index.ts";
import { compareVersions, type MeasureSnapshot } from "../../domain/comparison.ts";
import { sumNok } from "../../domain/money.ts";
import { notFound } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { getPublicActionPlan } from "./get-public-action-plan.ts";
import type { PublicActionPlan } from "./internal.ts";
import { publicTenant } from "./internal.ts";

type Removal = { reason: string; via: "manual" | "prioritisation" } | null;

/**
 * Two adopted action plans of a published plan compared, as the public may see them: measures
 * added, taken out (with the reason given when they were taken out, or that a prioritisation did),
 * changed (title, focus area, period, money per year both plans cover), and the money of each.
 * Each year is its newest adopted revision; a year without one answers 404.
 */
export async function comparePublicActionPlans({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string; from: number; to: number };
}) {
  if (input.from >= input.to) throw notFound("plan");
  const version = (budgetYear: number) =>
    getPublicActionPlan({
      ctx,
      input: { municipalityNumber: input.municipalityNumber, planId: input.planId, budgetYear },
    });
  const [before, after] = await Promise.all([version(input.from), version(input.to)]);
  const overlap = before.totals.map((t) => t.year).filter((y) => after.totals.some((t) => t.year === y));
  const comparison = compareVersions(snapshots(before, overlap), snapshots(after, overlap), overlap);

  // Why the taken-out ones left: the record of their taking out of a draft of (from, to].
  const tenant = await publicTenant(ctx, input.municipalityNumber);
  const removedRefs = comparison.removed.map((m) => m.reference);
  const records = removedRefs.length
    ? await ctx.db
        .select({
          reference: measures.reference,
          reason: removedMeasureVersions.reason,
          via: removedMeasureVersions.via,
          budgetYear: cycles.budgetYear,
        })
        .from(removedMeasureVersions)
        .innerJoin(measures, eq(measures.id, removedMeasureVersions.measureId))
        .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, removedMeasureVersions.actionPlanVersionId))
        .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
        .where(
          and(
            eq(removedMeasureVersions.municipalityId, tenant.id),
            eq(cycles.planId, before.plan.id),
            inArray(measures.reference, removedRefs),
            isNull(removedMeasureVersions.restoredAt),
          ),
        )
        .orderBy(desc(removedMeasureVersions.removedAt))
    : [];
  const removalOf = (reference: string): Removal => {
    const r = records.find(
      (x) => x.reference === reference && x.budgetYear > input.from && x.budgetYear <= input.to,
    );
    return r ? { reason: r.reason.trim(), via: r.via } : null;
  };

  const money = (v: PublicActionPlan) => ({
    budgetYear: v.budgetYear,
    revision: v.revision,
    municipalNok: sumNok(v.totals.map((t) => t.municipalNok)),
    externalNok: sumNok(v.totals.map((t) => t.externalNok)),
  });
  return {
    municipality: after.municipality,
    plan: after.plan,
    from: money(before),
    to: money(after),
    /** Every adopted budget year of the plan, to compare other pairs. */
    budgetYears: [...new Set(after.versions.map((v) => v.budgetYear))].sort((a, b) => a - b),
    added: comparison.added.map(({ reference, title }) => ({ reference, title })),
    removed: comparison.removed.map(({ reference, title }) => ({
      reference,
      title,
      removal: removalOf(reference),
    })),
    changed: comparison.changed,
    unchanged: comparison.unchanged,
  };
}

export type PublicComparison = Awaited<ReturnType<typeof comparePublicActionPlans>>;

/**
 * The public content of each measure of an action plan, flattened for comparing; external money
 * as its sum over the years both plans cover (municipal money is compared per year).
 */
function snapshots(v: PublicActionPlan, overlap: number[]): MeasureSnapshot[] {
  return v.focusAreas.flatMap((area) =>
    area.measures.map((m) => ({
      reference: m.reference,
      title: m.title,
      fields: {
        title: m.title,
        focusArea: area.title,
        period: `${m.startYear}–${m.endYear}`,
        external: sumNok(m.costByYear.filter((c) => overlap.includes(c.year)).map((c) => c.externalNok)),
      },
      costByYear: Object.fromEntries(m.costByYear.map((c) => [c.year, c.municipalNok])),
    })),
  );
}
