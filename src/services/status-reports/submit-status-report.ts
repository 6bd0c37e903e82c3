import { eq } from "drizzle-orm";
import { statusReportEvents, statusReports } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { type ReportContent, reportProblems } from "../../domain/status-report.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import { actorLabel, type ServiceContext } from "../context.ts";
import {
  cleanReportContent,
  lockReportForWriting,
  refuseReportProblems,
  reportContentFields,
} from "./report-content.ts";

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
    const { period, measure, current, visible } = await lockReportForWriting(
      tx,
      ctx,
      tenant,
      input,
      "submit",
    );
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
    const before = visible ? Object.fromEntries(reportContentFields.map((f) => [f, visible[f]])) : null;
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
