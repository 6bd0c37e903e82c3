import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { fundingSources, milestones, statusReports } from "../../db/schema/index.ts";
import { type ReportContent, reviewRefusal } from "../../domain/status-report.ts";
import { AppError, staleDetail } from "../../errors.ts";
import { authorize, type Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { loadPeriod, periodMeasure, requireOpen } from "./status-report-scope.ts";

/** The fields of a report that a submission or a draft writes, and the audit trail compares. */
export const reportContentFields = [
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

/** A report's content as it is stored: texts trimmed, zero amounts and repeated milestones dropped. */
export function cleanReportContent(input: ReportContent): ReportContent {
  return {
    ...input,
    explanation: input.explanation.trim(),
    achieved: input.achieved.trim(),
    nextSteps: input.nextSteps.trim(),
    risks: input.risks.trim(),
    progress: input.measureStatus === "completed" && input.progress === null ? 100 : input.progress,
    spending: input.spending.filter((r) => r.amountNok !== 0),
    milestonesReached: [...new Set(input.milestonesReached)],
  };
}

type Problem = { path: string; message: string };

/**
 * Refuses the problems found (a 400 naming each field), adding those of what the report points at:
 * funding sources and milestones must be the municipality's and the measure's own.
 */
export async function refuseReportProblems(
  tx: DbOrTx,
  tenant: Tenant,
  measureId: string,
  content: ReportContent,
  problems: Problem[],
): Promise<void> {
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
      .where(and(eq(milestones.measureId, measureId), inArray(milestones.id, content.milestonesReached)));
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
}

/** Who may see a draft: the person who saved it, and the municipality's planners. */
export function maySeeDraft(
  draft: { submittedByUserId: string | null },
  ctx: ServiceContext,
  tenant: Tenant,
) {
  if (tenant.subject.role === "planner") return true;
  return ctx.actor.kind === "user" && draft.submittedByUserId === ctx.actor.userId;
}

/**
 * The start of writing a measure's report, as a submission or a draft: the open period, the measure,
 * the right to report on it, and the current report locked. A stale version is refused, except over
 * another person's draft that this person cannot see, which is simply replaced.
 */
export async function lockReportForWriting(
  tx: DbOrTx,
  ctx: ServiceContext,
  tenant: Tenant,
  input: { periodId: string; reference: string; version?: number },
  step: "submit" | "save_draft",
) {
  const period = await loadPeriod(tx, tenant, input.periodId);
  const measure = await periodMeasure(tx, tenant, period, input.reference);
  authorize(ctx, tenant, "submit", "status_report", { ownerUserId: measure.ownerUserId }, "measure");
  requireOpen(period);
  const [current] = await tx
    .select()
    .from(statusReports)
    .where(and(eq(statusReports.periodId, period.id), eq(statusReports.measureId, measure.measureId)))
    .for("update");
  const refusal = reviewRefusal(current?.state ?? null, step);
  if (refusal) throw new AppError("conflict", "common.untranslated", { text: refusal });
  const hiddenDraft = current?.state === "draft" && !maySeeDraft(current, ctx, tenant);
  if (current && !hiddenDraft && current.version !== input.version)
    throw new AppError("conflict", "statusReport.changedByOther", {}, [staleDetail(current)]);
  // What this person may compare against (the audit trail's «before»): not a draft hidden from them.
  const visible = current && !hiddenDraft ? current : undefined;
  return { period, measure, current, visible };
}
