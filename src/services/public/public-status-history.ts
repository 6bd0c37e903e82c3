import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { cycles, reportingPeriods, statusReports } from "../../db/schema/index.ts";
import type { MeasureStatus } from "../../domain/measures.ts";

/** One entry of a measure's public status history: what an approved status report said. */
export type PublicStatusEntry = {
  /** The report period, e.g. "2027 T1" (1. tertial), "2027 T2", "2027 årsrapport". */
  period: string;
  approvedOn: string;
  status: MeasureStatus;
  progress: number | null;
  /** The report's public narrative: what was done (never the planner's comments). */
  summary: string;
};

const periodLabel = { t1: "T1", t2: "T2", annual: "årsrapport" } as const;

/**
 * «Statushistorikk»: the approved status reports of a measure, newest first, for the public pages
 * and open data. Only approved reports: a submitted or returned one is still between the owner
 * and the planner.
 */
export async function publicStatusHistory(
  db: DbOrTx,
  municipalityId: string,
  measureId: string,
): Promise<PublicStatusEntry[]> {
  const rows = await db
    .select({
      budgetYear: cycles.budgetYear,
      kind: reportingPeriods.kind,
      reviewedAt: statusReports.reviewedAt,
      status: statusReports.measureStatus,
      progress: statusReports.progress,
      achieved: statusReports.achieved,
    })
    .from(statusReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, statusReports.periodId))
    .innerJoin(cycles, eq(cycles.id, reportingPeriods.cycleId))
    .where(
      and(
        eq(statusReports.municipalityId, municipalityId),
        eq(statusReports.measureId, measureId),
        eq(statusReports.state, "approved"),
      ),
    )
    .orderBy(desc(reportingPeriods.asOf));
  return rows.map((r) => ({
    period: `${r.budgetYear} ${periodLabel[r.kind]}`,
    approvedOn: (r.reviewedAt ?? new Date()).toISOString().slice(0, 10),
    status: r.status,
    progress: r.progress,
    summary: r.achieved,
  }));
}
