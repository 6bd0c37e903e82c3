import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  measureSpending,
  measures,
  milestones,
  statusReportEvents,
  statusReports,
} from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { reviewRefusal } from "../../domain/status-report.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import { actorLabel, type ServiceContext } from "../context.ts";
import { loadPeriod, periodMeasure } from "./status-report-scope.ts";

/**
 * A planner approves a submitted report, or returns it to the owner with a comment (required).
 * Approval makes it the measure's running state in the same transaction: status, reason and
 * progress on the measure (with the report's date), spending so far per funding source for the
 * period's year (`measure_spending`), and the milestones reported as reached. A report for an
 * earlier date than the measure's current status does not overwrite that status.
 */
export async function reviewStatusReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    periodId: string;
    reference: string;
    version: number;
    decision: "approve" | "return";
    comment: string;
  };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "review", "status_report");
  const comment = input.comment.trim();
  if (input.decision === "return" && comment === "")
    throw new AppError("validation", "statusReport.commentRequired", {}, [
      { path: "/comment", message: "Kommentar må fylles ut når rapporten sendes tilbake." },
    ]);
  return ctx.db.transaction(async (tx) => {
    const period = await loadPeriod(tx, tenant, input.periodId);
    const measure = await periodMeasure(tx, tenant, period, input.reference);
    const [report] = await tx
      .select()
      .from(statusReports)
      .where(and(eq(statusReports.periodId, period.id), eq(statusReports.measureId, measure.measureId)))
      .for("update");
    const refusal = reviewRefusal(report?.state ?? null, input.decision);
    if (refusal) throw new AppError("conflict", "common.untranslated", { text: refusal });
    if (!report) throw new AppError("conflict", "statusReport.none");
    if (report.version !== input.version)
      throw new AppError("conflict", "statusReport.changedByOther", {}, [staleDetail(report)]);
    const now = new Date();
    const actorUserId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    const state = input.decision === "approve" ? ("approved" as const) : ("returned" as const);
    const [saved] = await tx
      .update(statusReports)
      .set({
        state,
        reviewComment: comment,
        reviewedByUserId: actorUserId,
        reviewedAt: now,
        version: report.version + 1,
        updatedAt: now,
      })
      .where(eq(statusReports.id, report.id))
      .returning();
    if (!saved) throw new Error("status report not updated");
    await tx.insert(statusReportEvents).values({
      municipalityId: tenant.id,
      reportId: report.id,
      action: state,
      actorUserId,
      actorLabel: actorLabel(ctx.actor),
      comment,
    });
    const label = `${measure.reference} ${period.kind} ${period.budgetYear}`;
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "status_report",
        objectId: report.id,
        objectLabel: label,
        action: input.decision === "approve" ? "approve_status_report" : "return_status_report",
        changes: diffFields(
          { state: report.state, reviewComment: report.reviewComment },
          { state, reviewComment: comment },
          ["state", "reviewComment"],
        ),
      },
      ctx.requestId,
    );
    if (input.decision === "approve") await applyApprovedReport(tx, ctx, tenant.id, period, measure, saved);
    return { id: saved.id, state: saved.state, version: saved.version };
  });
}

async function applyApprovedReport(
  tx: DbOrTx,
  ctx: ServiceContext,
  municipalityId: string,
  period: Awaited<ReturnType<typeof loadPeriod>>,
  measure: Awaited<ReturnType<typeof periodMeasure>>,
  report: typeof statusReports.$inferSelect,
) {
  const [locked] = await tx.select().from(measures).where(eq(measures.id, measure.measureId)).for("update");
  if (!locked) throw new Error("measure vanished");
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  if (!locked.statusAsOf || locked.statusAsOf <= period.asOf) {
    const before = {
      status: locked.status,
      statusReason: locked.statusReason,
      progress: locked.progress,
      statusAsOf: locked.statusAsOf,
    };
    const after = {
      status: report.measureStatus,
      statusReason: report.explanation,
      progress: report.progress,
      statusAsOf: period.asOf,
    };
    Object.assign(changes, diffFields(before, after, ["status", "statusReason", "progress", "statusAsOf"]));
    await tx
      .update(measures)
      .set({ ...after, statusReportId: report.id, version: locked.version + 1, updatedAt: new Date() })
      .where(eq(measures.id, locked.id));
  }
  // Spending so far in the period's year replaces that year's figures.
  const where = and(
    eq(measureSpending.measureId, measure.measureId),
    eq(measureSpending.year, period.budgetYear),
  );
  const beforeSpending = await tx.select().from(measureSpending).where(where);
  const asMap = (list: { fundingSourceId: string; amountNok: number }[]) =>
    Object.fromEntries(list.map((r) => [r.fundingSourceId, r.amountNok]));
  const key = `spending ${period.budgetYear}`;
  Object.assign(
    changes,
    diffFields({ [key]: asMap(beforeSpending) }, { [key]: asMap(report.spending) }, [key]),
  );
  await tx.delete(measureSpending).where(where);
  if (report.spending.length > 0)
    await tx.insert(measureSpending).values(
      report.spending.map((r) => ({
        municipalityId,
        measureId: measure.measureId,
        year: period.budgetYear,
        fundingSourceId: r.fundingSourceId,
        amountNok: r.amountNok,
      })),
    );
  if (report.milestonesReached.length > 0) {
    const reached = await tx
      .update(milestones)
      .set({ done: true, version: sql`${milestones.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(milestones.measureId, measure.measureId),
          inArray(milestones.id, report.milestonesReached),
          eq(milestones.done, false),
        ),
      )
      .returning({ title: milestones.title });
    if (reached.length > 0)
      changes.milestonesReached = { before: null, after: reached.map((m) => m.title).join("; ") };
  }
  if (Object.keys(changes).length > 0)
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId,
        objectType: "measure",
        objectId: measure.measureId,
        objectLabel: measure.reference,
        action: "apply_status_report",
        changes,
      },
      ctx.requestId,
    );
}
