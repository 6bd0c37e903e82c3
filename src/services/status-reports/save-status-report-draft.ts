import { eq } from "drizzle-orm";
import { statusReports } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { draftProblems, type ReportContent } from "../../domain/status-report.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import {
  cleanReportContent,
  lockReportForWriting,
  refuseReportProblems,
  reportContentFields,
} from "./report-content.ts";

/**
 * The owner (or a planner) saves a measure's report for an open period as a draft, to submit it
 * later. Only its author and the planners see it; it does not count as reported, is not in the
 * history, and reminders still go. It can be saved again until it is submitted (send the version
 * you read).
 */
export async function saveStatusReportDraft({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    periodId: string;
    reference: string;
    /** The draft's version you edited; omit for the first save. */
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
      "save_draft",
    );
    const content = cleanReportContent(input.content);
    await refuseReportProblems(tx, tenant, measure.measureId, content, draftProblems(content));

    const now = new Date();
    const values = {
      ...content,
      state: "draft" as const,
      // For a draft: who saved it (the only one besides the planners who sees it), and when.
      submittedByUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      submittedAt: now,
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
    if (!saved) throw new Error("status report draft not saved");
    const before = visible ? Object.fromEntries(reportContentFields.map((f) => [f, visible[f]])) : null;
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "status_report",
        objectId: saved.id,
        objectLabel: `${measure.reference} ${period.kind} ${period.budgetYear}`,
        action: "save_status_report_draft",
        changes: diffFields(before, content, [...reportContentFields]),
      },
      ctx.requestId,
    );
    return { id: saved.id, state: saved.state, version: saved.version };
  });
}
