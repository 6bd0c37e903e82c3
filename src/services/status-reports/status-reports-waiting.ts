import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { cycles, memberships, municipalities, reportingPeriods } from "../../db/schema/index.ts";
import { can, type Subject } from "../../domain/permissions.ts";
import type { ReportingPeriodKind } from "../../domain/status-report.ts";
import { periodMeasures } from "./status-report-scope.ts";

export type WaitingReport = {
  municipalityNumber: string;
  municipalityName: string;
  periodId: string;
  kind: ReportingPeriodKind;
  budgetYear: number;
  asOf: string;
  dueDate: string;
  reference: string;
  title: string;
  /** due: not reported yet; returned: sent back to be corrected; review: waits for the planner. */
  reason: "due" | "returned" | "review";
  reviewComment: string;
};

/**
 * What waits for one person in the open reporting periods of their municipalities: reports of the
 * measures they own that are due or returned, and, for planners, reports waiting for review.
 * Due dates first. (Feeds the «Venter på deg» list and the reminders.)
 */
export async function statusReportsWaitingFor(db: DbOrTx, userId: string): Promise<WaitingReport[]> {
  const roles = await db
    .select({
      municipalityId: memberships.municipalityId,
      role: memberships.role,
      number: municipalities.number,
      name: municipalities.name,
    })
    .from(memberships)
    .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .where(and(eq(memberships.userId, userId), eq(municipalities.active, true)));
  if (roles.length === 0) return [];
  const periods = await db
    .select({ period: reportingPeriods, budgetYear: cycles.budgetYear, planId: cycles.planId })
    .from(reportingPeriods)
    .innerJoin(cycles, eq(cycles.id, reportingPeriods.cycleId))
    .where(
      and(
        eq(reportingPeriods.state, "open"),
        inArray(
          reportingPeriods.municipalityId,
          roles.map((r) => r.municipalityId),
        ),
      ),
    )
    .orderBy(asc(reportingPeriods.dueDate));
  const waiting: WaitingReport[] = [];
  for (const { period, budgetYear, planId } of periods) {
    const membership = roles.find((r) => r.municipalityId === period.municipalityId);
    if (!membership) continue;
    const subject: Subject = { role: membership.role, userId, isSystemAdmin: false };
    const list = await periodMeasures(db, { id: period.municipalityId }, { ...period, budgetYear, planId });
    for (const m of list) {
      const owns =
        m.ownerUserId === userId && can(subject, "submit", "status_report", { ownerUserId: m.ownerUserId });
      const state = m.report?.state ?? "missing";
      const reason =
        owns && state === "missing"
          ? "due"
          : owns && state === "returned"
            ? "returned"
            : state === "submitted" && can(subject, "review", "status_report")
              ? "review"
              : null;
      if (!reason) continue;
      waiting.push({
        municipalityNumber: membership.number,
        municipalityName: membership.name,
        periodId: period.id,
        kind: period.kind,
        budgetYear,
        asOf: period.asOf,
        dueDate: period.dueDate,
        reference: m.reference,
        title: m.title,
        reason,
        reviewComment: reason === "returned" ? (m.report?.reviewComment ?? "") : "",
      });
    }
  }
  return waiting;
}
