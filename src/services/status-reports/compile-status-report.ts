import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  focusAreas,
  frameAreas,
  fundingSources,
  measureCosts,
  measureSpending,
  milestones,
  reportingPeriods,
  statusReports,
} from "../../db/schema/index.ts";
import {
  type CompiledMeasureInput,
  type CompiledReport,
  compileStatusReport as compile,
  periodOrder,
} from "../../domain/status-report.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { type LoadedPeriod, loadPeriod, periodMeasures } from "./status-report-scope.ts";

export const externalAreaName = "Ekstern finansiering";

/** Loads what the compiled report needs in a fixed number of queries, whatever the number of measures. */
export async function loadCompiledReport(
  db: DbOrTx,
  tenant: Tenant,
  period: LoadedPeriod,
): Promise<CompiledReport> {
  const list = await periodMeasures(db, tenant, period);
  const measureIds = list.map((m) => m.measureId);
  const versionIds = list.map((m) => m.versionId);
  const earlier = (
    await db.select().from(reportingPeriods).where(eq(reportingPeriods.cycleId, period.cycleId))
  )
    .filter((p) => periodOrder[p.kind] < periodOrder[period.kind])
    .sort((a, b) => periodOrder[b.kind] - periodOrder[a.kind])[0];
  const none = Promise.resolve([]);
  const [areas, sources, costs, spent, milestoneCounts, previous] = await Promise.all([
    db
      .select({ id: focusAreas.id, title: focusAreas.title })
      .from(focusAreas)
      .where(eq(focusAreas.planId, period.planId))
      .orderBy(asc(focusAreas.position)),
    db
      .select({ id: fundingSources.id, kind: fundingSources.kind, area: frameAreas.name })
      .from(fundingSources)
      .leftJoin(frameAreas, eq(frameAreas.id, fundingSources.frameAreaId))
      .where(eq(fundingSources.municipalityId, tenant.id)),
    versionIds.length
      ? db
          .select({
            versionId: measureCosts.measureVersionId,
            fundingSourceId: measureCosts.fundingSourceId,
            amountNok: measureCosts.amountNok,
          })
          .from(measureCosts)
          .where(
            and(inArray(measureCosts.measureVersionId, versionIds), eq(measureCosts.year, period.budgetYear)),
          )
      : none,
    measureIds.length
      ? db
          .select({
            measureId: measureSpending.measureId,
            fundingSourceId: measureSpending.fundingSourceId,
            amountNok: measureSpending.amountNok,
          })
          .from(measureSpending)
          .where(
            and(inArray(measureSpending.measureId, measureIds), eq(measureSpending.year, period.budgetYear)),
          )
      : none,
    measureIds.length
      ? db
          .select({ measureId: milestones.measureId, total: count() })
          .from(milestones)
          .where(inArray(milestones.measureId, measureIds))
          .groupBy(milestones.measureId)
      : none,
    earlier && measureIds.length
      ? db
          .select({ measureId: statusReports.measureId, progress: statusReports.progress })
          .from(statusReports)
          .where(and(eq(statusReports.periodId, earlier.id), eq(statusReports.state, "approved")))
      : none,
  ]);
  const areaOf = new Map(
    sources.map((s) => [s.id, s.kind === "external" ? externalAreaName : (s.area ?? "Uten rammeområde")]),
  );
  const moneyOf = new Map<string, Map<string, { area: string; plannedNok: number; spentNok: number }>>();
  const add = (measureId: string, sourceId: string, field: "plannedNok" | "spentNok", amount: number) => {
    const area = areaOf.get(sourceId) ?? "Uten rammeområde";
    const byArea = moneyOf.get(measureId) ?? new Map();
    const row = byArea.get(area) ?? { area, plannedNok: 0, spentNok: 0 };
    row[field] += amount;
    byArea.set(area, row);
    moneyOf.set(measureId, byArea);
  };
  const measureOfVersion = new Map(list.map((m) => [m.versionId, m.measureId]));
  for (const c of costs)
    add(measureOfVersion.get(c.versionId) ?? "", c.fundingSourceId, "plannedNok", c.amountNok);
  for (const s of spent) add(s.measureId, s.fundingSourceId, "spentNok", s.amountNok);
  const milestoneTotal = new Map(milestoneCounts.map((m) => [m.measureId, Number(m.total)]));
  const previousProgress = new Map(previous.map((p) => [p.measureId, p.progress]));
  const measures: CompiledMeasureInput[] = list.map((m) => ({
    reference: m.reference,
    title: m.title,
    focusAreaId: m.focusAreaId,
    ownerName: m.ownerName,
    report: m.report
      ? {
          state: m.report.state,
          trafficLight: m.report.trafficLight,
          explanation: m.report.explanation,
          measureStatus: m.report.measureStatus,
          progress: m.report.progress,
          achieved: m.report.achieved,
          nextSteps: m.report.nextSteps,
          risks: m.report.risks,
          milestonesReached: m.report.milestonesReached.length,
        }
      : null,
    previousProgress: previousProgress.get(m.measureId) ?? null,
    milestonesTotal: milestoneTotal.get(m.measureId) ?? 0,
    money: [...(moneyOf.get(m.measureId)?.values() ?? [])],
  }));
  return compile({
    municipalityName: tenant.name,
    budgetYear: period.budgetYear,
    kind: period.kind,
    asOf: period.asOf,
    focusAreas: areas,
    measures,
  });
}

/** The compiled report of a period (approved reports), for the screen and the documents (internal roles). */
export async function getCompiledStatusReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; periodId: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "read", "status_report", {}, "statusReport");
  const period = await loadPeriod(ctx.db, tenant, input.periodId);
  return loadCompiledReport(ctx.db, tenant, period);
}
