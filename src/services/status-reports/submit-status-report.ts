import { and, eq } from "drizzle-orm";
import { statusReportEvents, statusReports } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { type ReportContent, reportProblems, reviewRefusal } from "../../domain/status-report.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import { actorLabel, type ServiceContext } from "../context.ts";
import {
  cleanReportContent,
  maySeeDraft,
  refuseReportProblems,
  reportContentFields,
} from "./report-content.ts";
import { loadPeriod, periodMeasure, requireOpen } from "./status-report-scope.ts";

/**
 * The owner (or a planner) submits a measure's report for an open period, or the draft they saved;
 * a report that waits for review or was returned can be submitted again (send the version you
 * read). Each submission is kept in the report's history.
 */
export async function submitStatusReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    periodId: string;
    reference: string;
    /** The report's version you edited; omit for the first submission. */
    version?: number;
    content: ReportContent;
  };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const period = await loadPeriod(tx, tenant, input.periodId);
    const measure = await periodMeasure(tx, tenant, period, input.reference);
    authorize(ctx, tenant, "submit", "status_report", { ownerUserId: measure.ownerUserId }, "measure");
    requireOpen(period);
    const [current] = await tx
      .select()
      .from(statusReports)
      .where(and(eq(statusReports.periodId, period.id), eq(statusReports.measureId, measure.measureId)))
      .for("update");
    const refusal = reviewRefusal(current?.state ?? null, "submit");
    if (refusal) throw new AppError("conflict", "common.untranslated", { text: refusal });
    // A draft someone else saved, which this person cannot see, is simply replaced.
    const hiddenDraft = current?.state === "draft" && !maySeeDraft(current, ctx, tenant);
    if (current && !hiddenDraft && current.version !== input.version)
      throw new AppError("conflict", "statusReport.changedByOther", {}, [staleDetail(current)]);
    const content = cleanReportContent(input.content);
    await refuseReportProblems(tx, tenant, measure.measureId, content, reportProblems(content));

    const now = new Date();
    const actorUserId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    const values = {
      ...content,
      state: "submitted" as const,
      submittedByUserId: actorUserId,
      submittedAt: now,
      reviewComment: current?.reviewComment ?? "",
      updatedAt: now,
    };
    const [saved] = current
      ? await tx
          .update(statusReports)
          .set({ ...values, version: current.version + 1 })
          .where(eq(statusReports.id, current.id))
          .returning()
      : await tx
          .insert(statusReports)
          .values({ ...values, municipalityId: tenant.id, periodId: period.id, measureId: measure.measureId })
          .returning();
    if (!saved) throw new Error("status report not saved");
    await tx.insert(statusReportEvents).values({
      municipalityId: tenant.id,
      reportId: saved.id,
      action: "submitted",
      actorUserId,
      actorLabel: actorLabel(ctx.actor),
      snapshot: content,
    });
    const before =
      current && !hiddenDraft ? Object.fromEntries(reportContentFields.map((f) => [f, current[f]])) : null;
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "status_report",
        objectId: saved.id,
        objectLabel: `${measure.reference} ${period.kind} ${period.budgetYear}`,
        action: "submit_status_report",
        changes: diffFields(before, content, [...reportContentFields]),
      },
      ctx.requestId,
    );
    return { id: saved.id, state: saved.state, version: saved.version };
  });
}
