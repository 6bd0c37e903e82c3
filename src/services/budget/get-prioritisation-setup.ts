import { can } from "../../domain/permissions.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { loadPrioritisationData, type PrioritisationMeasureView } from "./internal.ts";

export type PrioritisationSetup = {
  cycleId: string;
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
  return {
    cycleId: data.cycle.id,
    budgetYear: data.cycle.budgetYear,
    years: data.years,
    actionPlanVersionId: data.version.id,
    draft: data.version.status === "draft",
    areas: data.areas,
    frames: data.frames,
    measures: data.measures,
    allowedActions: can(tenant.subject, "update", "action_plan") ? ["update"] : [],
  };
}
