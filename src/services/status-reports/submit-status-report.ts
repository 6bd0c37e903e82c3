import { and, eq, inArray } from "drizzle-orm";
import { fundingSources, milestones, statusReportEvents, statusReports } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { type ReportContent, reportProblems, reviewRefusal } from "../../domain/status-report.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import { actorLabel, type ServiceContext } from "../context.ts";
import { loadPeriod, periodMeasure, requireOpen } from "./status-report-scope.ts";

const contentFields = [
  "trafficLight",
  "explanation",
  "measureStatus",
  "progress",
  "spending",
  "milestonesReached",
  "achieved",
  "nextSteps",
  "risks",
] as const;

/**
 * The owner (or a planner) submits a measure's report for an open period; a report that waits for
 * review or was returned can be submitted again (send the version you read). Each submission is
 * kept in the report's history.
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
    if (current && current.version !== input.version)
      throw new AppError("conflict", "statusReport.changedByOther", {}, [staleDetail(current)]);
    const content: ReportContent = {
      ...input.content,
      explanation: input.content.explanation.trim(),
      achieved: input.content.achieved.trim(),
      nextSteps: input.content.nextSteps.trim(),
      risks: input.content.risks.trim(),
      progress:
        input.content.measureStatus === "completed" && input.content.progress === null
          ? 100
          : input.content.progress,
      spending: input.content.spending.filter((r) => r.amountNok !== 0),
      milestonesReached: [...new Set(input.content.milestonesReached)],
    };
    const problems = reportProblems(content);
    // Funding sources and milestones must be the municipality's and the measure's own.
    const sourceIds = content.spending.map((r) => r.fundingSourceId);
    if (sourceIds.length > 0) {
      const known = await tx
        .select({ id: fundingSources.id })
        .from(fundingSources)
        .where(and(eq(fundingSources.municipalityId, tenant.id), inArray(fundingSources.id, sourceIds)));
      if (known.length !== new Set(sourceIds).size)
        problems.push({ path: "/spending", message: "Ukjent finansieringskilde." });
    }
    if (content.milestonesReached.length > 0) {
      const known = await tx
        .select({ id: milestones.id })
        .from(milestones)
        .where(
          and(eq(milestones.measureId, measure.measureId), inArray(milestones.id, content.milestonesReached)),
        );
      if (known.length !== content.milestonesReached.length)
        problems.push({ path: "/milestonesReached", message: "Milepælen hører ikke til tiltaket." });
    }
    if (problems.length > 0)
      throw new AppError(
        "validation",
        "common.untranslated",
        { text: problems.map((p) => p.message).join(" ") },
        problems,
      );

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
    const before = current ? Object.fromEntries(contentFields.map((f) => [f, current[f]])) : null;
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "status_report",
        objectId: saved.id,
        objectLabel: `${measure.reference} ${period.kind} ${period.budgetYear}`,
        action: "submit_status_report",
        changes: diffFields(before, content, [...contentFields]),
      },
      ctx.requestId,
    );
    return { id: saved.id, state: saved.state, version: saved.version };
  });
}
