import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  measures,
  measureVersions,
  reportingPeriods,
  statusReports,
  users,
} from "../../db/schema/index.ts";
import { AppError, notFound } from "../../errors.ts";
import type { Tenant } from "../access.ts";

/** A reporting period of the municipality, with its cycle's budget year and plan; 404 otherwise. */
export async function loadPeriod(db: DbOrTx, tenant: Tenant, periodId: string) {
  const [row] = await db
    .select({ period: reportingPeriods, budgetYear: cycles.budgetYear, planId: cycles.planId })
    .from(reportingPeriods)
    .innerJoin(cycles, eq(cycles.id, reportingPeriods.cycleId))
    .where(and(eq(reportingPeriods.id, periodId), eq(reportingPeriods.municipalityId, tenant.id)));
  if (!row) throw notFound("reportingPeriod");
  return { ...row.period, budgetYear: row.budgetYear, planId: row.planId };
}
export type LoadedPeriod = Awaited<ReturnType<typeof loadPeriod>>;

/** The newest adopted version of a cycle's action plan: the measures that report in its periods. */
export async function adoptedActionPlanOfCycle(db: DbOrTx, cycleId: string) {
  const [row] = await db
    .select()
    .from(actionPlanVersions)
    .where(and(eq(actionPlanVersions.cycleId, cycleId), eq(actionPlanVersions.status, "adopted")))
    .orderBy(desc(actionPlanVersions.revision))
    .limit(1);
  return row ?? null;
}

export type PeriodMeasure = {
  measureId: string;
  versionId: string;
  reference: string;
  title: string;
  focusAreaId: string;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  /** The report as submitted (and reviewed); a draft is not a report yet, and is in `draft`. */
  report: typeof statusReports.$inferSelect | null;
  /** A report saved as a draft and not submitted; only its author and the planners may see it. */
  draft: typeof statusReports.$inferSelect | null;
};

/** The measures that report in a period (those of the adopted action plan), each with its report. */
export async function periodMeasures(
  db: DbOrTx,
  tenant: Pick<Tenant, "id">,
  period: LoadedPeriod,
  onlyReference?: string,
): Promise<PeriodMeasure[]> {
  const actionPlan = await adoptedActionPlanOfCycle(db, period.cycleId);
  if (!actionPlan) return [];
  const rows = await db
    .select({
      measureId: measures.id,
      versionId: measureVersions.id,
      reference: measures.reference,
      title: measureVersions.title,
      focusAreaId: measureVersions.focusAreaId,
      ownerUserId: measureVersions.ownerUserId,
      ownerName: users.name,
      ownerEmail: users.email,
      report: statusReports,
    })
    .from(measureVersions)
    .innerJoin(measures, eq(measures.id, measureVersions.measureId))
    .leftJoin(users, eq(users.id, measureVersions.ownerUserId))
    .leftJoin(
      statusReports,
      and(eq(statusReports.measureId, measures.id), eq(statusReports.periodId, period.id)),
    )
    .where(
      and(
        eq(measureVersions.municipalityId, tenant.id),
        eq(measureVersions.actionPlanVersionId, actionPlan.id),
        onlyReference ? eq(measures.reference, onlyReference) : undefined,
      ),
    );
  return rows
    .map((row) => ({
      ...row,
      report: row.report?.state === "draft" ? null : row.report,
      draft: row.report?.state === "draft" ? row.report : null,
    }))
    .sort((a, b) => a.reference.localeCompare(b.reference, "nb", { numeric: true }));
}

/** One measure of a period; 404 when it does not report in it. */
export async function periodMeasure(db: DbOrTx, tenant: Tenant, period: LoadedPeriod, reference: string) {
  const [row] = await periodMeasures(db, tenant, period, reference);
  if (!row) throw notFound("measure");
  return row;
}

export function requireOpen(period: LoadedPeriod) {
  if (period.state !== "open")
    throw new AppError(
      "conflict",
      period.state === "planned" ? "reportingPeriod.notOpenYet" : "reportingPeriod.closed",
    );
}
