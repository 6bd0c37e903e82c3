import { and, asc, desc, eq } from "drizzle-orm";
import { actionPlanVersions, cycles, focusAreas, fundingSources } from "../../db/schema/index.ts";
import type { ActionPlanDocument, DocumentMeasure } from "../../documents/action-plan-model.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { compareReferences } from "../../domain/plan-tree.ts";
import { AppError, notFound } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { computeFrameCheck } from "../budget/frame-check.ts";
import type { ServiceContext } from "../context.ts";
import { loadMeasureRows } from "../measures/measure-rows.ts";
import { compareActionPlans } from "./compare-action-plans.ts";
import { getActionPlan } from "./get-action-plan.ts";

/**
 * One action plan version with what its documents show: measures per focus area with partners and
 * funding, the frame check, and the changes from the previous year's adopted plan. Visible to the
 * same people as the version's page.
 */
export async function loadActionPlanDocument({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string; budgetYear: number; revision: number };
}): Promise<ActionPlanDocument> {
  // getActionPlan decides who may see this version (404 otherwise).
  const ap = await getActionPlan({ ctx, input });
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const [version] = await ctx.db
    .select({ cycleId: actionPlanVersions.cycleId })
    .from(actionPlanVersions)
    .where(and(eq(actionPlanVersions.id, ap.id), eq(actionPlanVersions.municipalityId, tenant.id)));
  if (!version) throw notFound("actionPlan");
  const [rows, areas, sources, frameCheck, previous] = await Promise.all([
    loadMeasureRows(ctx.db, tenant.id, ap.id),
    ctx.db
      .select({ id: focusAreas.id, title: focusAreas.title })
      .from(focusAreas)
      .where(and(eq(focusAreas.planId, ap.plan.id), eq(focusAreas.municipalityId, tenant.id)))
      .orderBy(asc(focusAreas.position)),
    ctx.db
      .select({ id: fundingSources.id, name: fundingSources.name })
      .from(fundingSources)
      .where(eq(fundingSources.municipalityId, tenant.id)),
    computeFrameCheck(ctx.db, tenant.id, version.cycleId, ap.id),
    ctx.db
      .select({
        id: actionPlanVersions.id,
        budgetYear: cycles.budgetYear,
        revision: actionPlanVersions.revision,
      })
      .from(actionPlanVersions)
      .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
      .where(
        and(
          eq(cycles.planId, ap.plan.id),
          eq(cycles.municipalityId, tenant.id),
          eq(cycles.budgetYear, ap.budgetYear - 1),
          eq(actionPlanVersions.status, "adopted"),
        ),
      )
      .orderBy(desc(actionPlanVersions.revision))
      .limit(1),
  ]);
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const areaTitle = new Map(areas.map((a) => [a.id, a.title]));
  const measures: DocumentMeasure[] = rows
    .map((r) => {
      const byYear = (kind: "municipal" | "external") => {
        const sums: Record<number, number> = {};
        for (const c of r.costs) if (c.kind === kind) sums[c.year] = (sums[c.year] ?? 0) + c.amountNok;
        return sums;
      };
      const sourcesOf = (kind: "municipal" | "external") =>
        [
          ...new Set(
            r.costs.filter((c) => c.kind === kind).map((c) => sourceName.get(c.fundingSourceId) ?? ""),
          ),
        ].sort((a, b) => a.localeCompare(b, "nb"));
      return {
        reference: r.reference,
        title: r.title,
        focusAreaTitle: areaTitle.get(r.focusAreaId) ?? "",
        responsibleUnit: r.responsibleUnit,
        contactPerson: r.contactPerson,
        partners: [...r.partners]
          .sort((a, b) => a.name.localeCompare(b.name, "nb"))
          .map((p) => ({ name: p.name, role: p.role })),
        startYear: r.startYear,
        endYear: r.endYear,
        municipalSources: sourcesOf("municipal"),
        externalSources: sourcesOf("external"),
        municipalByYear: byYear("municipal"),
        externalByYear: byYear("external"),
      };
    })
    .sort((a, b) => compareReferences(a.reference, b.reference));
  const before = previous[0];
  // Last year's plan is compared only when this person may read it (it may be unpublished).
  const comparison = before
    ? await compareActionPlans({
        ctx,
        input: { municipalityNumber: input.municipalityNumber, before: before.id, after: ap.id },
      }).catch((error) => {
        if (error instanceof AppError && error.code === "not_found") return null;
        throw error;
      })
    : null;
  const years = financialPlanPeriod(ap.budgetYear).years;
  return {
    municipalityName: tenant.name,
    planTitle: ap.plan.title,
    budgetYear: ap.budgetYear,
    years,
    revision: ap.revision,
    status: ap.status,
    reason: ap.reason,
    adoptedOn: ap.adoptedOn,
    decisionBody: ap.decisionBody,
    caseReference: ap.caseReference,
    generatedAt: new Date(),
    focusAreas: areas
      .map((a) => ({ title: a.title, measures: measures.filter((m) => m.focusAreaTitle === a.title) }))
      .filter((a) => a.measures.length > 0),
    frames: {
      areas: frameCheck.areas.map((area) => ({
        name: area.name,
        rows: frameCheck.rows
          .filter((r) => r.frameAreaId === area.id)
          .sort((a, b) => a.year - b.year)
          .map((r) => ({
            year: r.year,
            frameNok: r.frameNok,
            adopted: r.frameStatus === "adopted",
            sumNok: r.sumNok,
            remainingNok: r.remainingNok,
          })),
      })),
      overruns: frameCheck.overruns.map((o) => ({
        year: o.year,
        area: o.frameAreaName,
        excessNok: o.excessNok,
      })),
    },
    sharedMeasures: frameCheck.sharedMeasures.map((m) => ({
      reference: m.reference,
      title: m.title,
      ownerName: m.ownerName,
      role: m.role,
      sharePercent: m.sharePercent,
      byYear: m.byYear,
    })),
    changes:
      comparison && before
        ? {
            fromBudgetYear: before.budgetYear,
            fromRevision: before.revision,
            added: comparison.added.map((m) => ({ reference: m.reference, title: m.title })),
            removed: comparison.removed.map((m) => ({ reference: m.reference, title: m.title })),
            changed: comparison.changed.map((m) => ({
              reference: m.reference,
              title: m.title,
              fields: m.changes.map((c) => c.field),
            })),
            unchanged: comparison.unchanged,
            totals: comparison.totals,
          }
        : null,
  };
}
