import { and, asc, eq } from "drizzle-orm";
import {
  fundingSources,
  measureCosts,
  measureSpending,
  milestones,
  statusReportEvents,
} from "../../db/schema/index.ts";
import { allowedActions, can } from "../../domain/permissions.ts";
import { completeness, type ReportProgress } from "../../domain/status-report.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { reminderKey, remindersSentFor } from "../reminders/internal.ts";
import { maySeeDraft } from "./report-content.ts";
import { loadPeriod, type PeriodMeasure, periodMeasure, periodMeasures } from "./status-report-scope.ts";

/** Where a measure's report stands for completeness: a draft is not reported. */
const progressOf = (m: PeriodMeasure): ReportProgress =>
  !m.report || m.report.state === "draft" ? "missing" : m.report.state;

const periodView = (period: Awaited<ReturnType<typeof loadPeriod>>) => ({
  id: period.id,
  cycleId: period.cycleId,
  kind: period.kind,
  budgetYear: period.budgetYear,
  asOf: period.asOf,
  dueDate: period.dueDate,
  state: period.state,
  version: period.version,
});

/** A period with every measure that reports in it and where its report stands (internal roles). */
export async function getReportingPeriod({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; periodId: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "read", "reporting_period", {}, "reportingPeriod");
  const period = await loadPeriod(ctx.db, tenant, input.periodId);
  const list = await periodMeasures(ctx.db, tenant, period);
  const reminders = await remindersSentFor(ctx.db, "status_deadline", [period.id]);
  return {
    period: periodView(period),
    completeness: completeness(list.map(progressOf)),
    reminderSentAt: reminders.get(reminderKey(period.id, period.dueDate))?.toISOString() ?? null,
    measures: list.map((m) => ({
      reference: m.reference,
      title: m.title,
      ownerUserId: m.ownerUserId,
      ownerName: m.ownerName,
      state:
        m.report?.state ?? (m.draft && maySeeDraft(m.draft, ctx, tenant) ? "draft" : ("missing" as const)),
      trafficLight: m.report?.trafficLight ?? null,
      submittedAt: m.report?.submittedAt.toISOString() ?? null,
      allowedActions: allowedActions(tenant.subject, "status_report", { ownerUserId: m.ownerUserId }),
    })),
    allowedActions: allowedActions(tenant.subject, "reporting_period"),
  };
}

/**
 * One measure's report for a period, with what the form needs: its milestones, the funding
 * sources in its plan for the year with the planned amounts, spending recorded so far, and the
 * report's history.
 */
export async function getStatusReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; periodId: string; reference: string };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  authorize(ctx, tenant, "read", "status_report", {}, "statusReport");
  const period = await loadPeriod(ctx.db, tenant, input.periodId);
  const measure = await periodMeasure(ctx.db, tenant, period, input.reference);
  // The report, or the draft when this person may see it (its author, a planner).
  const r =
    measure.report ?? (measure.draft && maySeeDraft(measure.draft, ctx, tenant) ? measure.draft : null);
  const [milestoneRows, planned, spent, sources, history] = await Promise.all([
    ctx.db
      .select({
        id: milestones.id,
        dueDate: milestones.dueDate,
        title: milestones.title,
        done: milestones.done,
      })
      .from(milestones)
      .where(eq(milestones.measureId, measure.measureId))
      .orderBy(asc(milestones.dueDate)),
    ctx.db
      .select({ fundingSourceId: measureCosts.fundingSourceId, amountNok: measureCosts.amountNok })
      .from(measureCosts)
      .where(
        and(eq(measureCosts.measureVersionId, measure.versionId), eq(measureCosts.year, period.budgetYear)),
      ),
    ctx.db
      .select({ fundingSourceId: measureSpending.fundingSourceId, amountNok: measureSpending.amountNok })
      .from(measureSpending)
      .where(
        and(eq(measureSpending.measureId, measure.measureId), eq(measureSpending.year, period.budgetYear)),
      ),
    ctx.db
      .select({ id: fundingSources.id, name: fundingSources.name, kind: fundingSources.kind })
      .from(fundingSources)
      .where(eq(fundingSources.municipalityId, tenant.id))
      .orderBy(asc(fundingSources.name)),
    r
      ? ctx.db
          .select()
          .from(statusReportEvents)
          .where(eq(statusReportEvents.reportId, r.id))
          .orderBy(asc(statusReportEvents.at))
      : [],
  ]);
  const relevant = new Set([...planned, ...spent, ...(r?.spending ?? [])].map((x) => x.fundingSourceId));
  return {
    period: periodView(period),
    measure: { reference: measure.reference, title: measure.title, ownerName: measure.ownerName },
    report: r
      ? {
          state: r.state,
          trafficLight: r.trafficLight,
          explanation: r.explanation,
          measureStatus: r.measureStatus,
          progress: r.progress,
          spending: r.spending,
          milestonesReached: r.milestonesReached,
          achieved: r.achieved,
          nextSteps: r.nextSteps,
          risks: r.risks,
          reviewComment: r.reviewComment,
          submittedAt: r.submittedAt.toISOString(),
          reviewedAt: r.reviewedAt?.toISOString() ?? null,
          version: r.version,
        }
      : null,
    milestones: milestoneRows,
    fundingSources: sources
      .filter((s) => relevant.has(s.id))
      .map((s) => ({
        ...s,
        plannedNok: planned.filter((p) => p.fundingSourceId === s.id).reduce((a, p) => a + p.amountNok, 0),
        spentNok: spent.find((p) => p.fundingSourceId === s.id)?.amountNok ?? 0,
      })),
    history: history.map((h) => ({
      action: h.action,
      actorLabel: h.actorLabel,
      comment: h.comment,
      at: h.at.toISOString(),
    })),
    allowedActions: allowedActions(tenant.subject, "status_report", { ownerUserId: measure.ownerUserId })
      .filter((a) => a !== "submit" || (period.state === "open" && r?.state !== "approved"))
      .filter((a) => a !== "review" || r?.state === "submitted"),
    canEdit: can(tenant.subject, "submit", "status_report", { ownerUserId: measure.ownerUserId }),
    /** A draft can be saved until the report is first submitted. */
    canSaveDraft:
      period.state === "open" &&
      (!r || r.state === "draft") &&
      can(tenant.subject, "submit", "status_report", { ownerUserId: measure.ownerUserId }),
  };
}
