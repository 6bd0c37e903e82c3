import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { fundingSources, milestones } from "../../db/schema/index.ts";
import type { ReportContent } from "../../domain/status-report.ts";
import { AppError } from "../../errors.ts";
import type { Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";

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
