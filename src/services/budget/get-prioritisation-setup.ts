import { can } from "../../domain/permissions.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { loadPrioritisationData, type PrioritisationMeasureView } from "./internal.ts";
import { lastAppliedRows } from "./undo-prioritisation.ts";

export type PrioritisationSetup = {
  cycleId: string;
  planId: string;
  budgetYear: number;
  years: number[];
  actionPlanVersionId: string;
  draft: boolean;
  areas: { id: string; name: string }[];
  /** The frames that count (adopted, or proposed where none is adopted), with their decision. */
  frames: {
    id: string;
    frameAreaId: string;
    year: number;
    amountNok: number;
    status: "proposed" | "adopted";
    decisionDate: string | null;
    caseReference: string | null;
    version: number;
  }[];
  measures: PrioritisationMeasureView[];
  allowedActions: "update"[];
  /** The newest applied proposal with measures still out of the draft: what «Angre» would undo. */
  lastApplied: {
    id: string;
    appliedAt: string;
    appliedBy: string;
    dropped: { reference: string; title: string }[];
  } | null;
};

/** The newest action plan of a cycle with each measure's priority, mandatory mark and municipal costs. */
export async function getPrioritisationSetup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; cycleId: string };
}): Promise<PrioritisationSetup> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  if (!can(tenant.subject, "read_drafts", "action_plan")) throw notFound("cycle");
  const data = await loadPrioritisationData(ctx.db, tenant, input.cycleId);
  const last =
    data.version.status === "draft" ? await lastAppliedRows(ctx.db, tenant.id, data.version.id) : null;
  const first = last?.rows[0]?.removed;
  return {
    cycleId: data.cycle.id,
    planId: data.cycle.planId,
    budgetYear: data.cycle.budgetYear,
    years: data.years,
    actionPlanVersionId: data.version.id,
    draft: data.version.status === "draft",
    areas: data.areas,
    frames: data.frames,
    measures: data.measures,
    allowedActions: can(tenant.subject, "update", "action_plan") ? ["update"] : [],
    lastApplied:
      last && first
        ? {
            id: last.prioritisationId,
            appliedAt: first.removedAt.toISOString(),
            appliedBy: first.removedByLabel,
            dropped: last.rows.map((r) => ({
              reference: r.reference,
              title: String(r.removed.snapshot.version.title ?? ""),
            })),
          }
        : null,
  };
}
