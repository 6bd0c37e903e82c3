import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { actionPlanVersions, cycles, plans } from "../../db/schema/index.ts";
import type { MeasureChange } from "../../domain/measure-change.ts";
import type { MeasureLink, MeasureStatus, PartnerRole } from "../../domain/measures.ts";
import { sumNok } from "../../domain/money.ts";
import { can } from "../../domain/permissions.ts";
import { summariseMeasure } from "../../domain/plan-tree.ts";
import type { ProgressRollUp } from "../../domain/progress.ts";
import type { ProposalStatus } from "../../domain/proposals.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant, type Tenant } from "../access.ts";
import { anonymous, type ServiceContext } from "../context.ts";
import type { MeasureRow } from "../measures/measure-rows.ts";
import type { PublicStatusEntry } from "./public-status-history.ts";

/**
 * The public read services: what everyone may see without signing in, shared by the public pages
 * (/kommune/…) and the open data API (/api/open/v1/…). They always read as an anonymous visitor,
 * whoever asks, so a signed-in planner sees exactly what the public sees: published plans and
 * their adopted action plan versions, never drafts or internal fields (review notes, priorities,
 * owners' accounts, contact persons).
 */
export const asPublic = (ctx: ServiceContext): ServiceContext => ({ ...ctx, actor: anonymous });

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PublicMunicipality = { number: string; name: string };

export type PublicVersionRef = { budgetYear: number; revision: number; adoptedOn: string | null };

export type PublicPlanSummary = {
  id: string;
  title: string;
  startYear: number;
  endYear: number;
  vision: string;
  /** What the plan is based on (kommuneplanens samfunnsdel), if given. */
  basis: string;
  /** Every adopted action plan version, newest first. */
  versions: PublicVersionRef[];
};

export type PublicMeasureSummary = {
  reference: string;
  title: string;
  isExample: boolean;
  focusAreaId: string;
  goalIds: string[];
  responsibleUnit: string;
  partners: { name: string; role: PartnerRole }[];
  startYear: number;
  endYear: number;
  status: MeasureStatus;
  progress: number | null;
  costByYear: { year: number; municipalNok: number; externalNok: number }[];
  totalMunicipalNok: number;
  totalExternalNok: number;
  /** External money by its state; money with no state given counts as expected. */
  externalByStatus: ExternalByStatus;
};

export type ExternalByStatus = { applied: number; granted: number; expected: number };

/** External money of some measures by state (søkt, innvilget, forventet), in whole kroner. */
export function externalByStatusOf(
  costs: { kind: "municipal" | "external"; amountNok: number; externalStatus: ExternalStatus | null }[],
): ExternalByStatus {
  const sum = (state: ExternalStatus) =>
    sumNok(
      costs
        .filter((c) => c.kind === "external" && (c.externalStatus ?? "expected") === state)
        .map((c) => c.amountNok),
    );
  return { applied: sum("applied"), granted: sum("granted"), expected: sum("expected") };
}

type ExternalStatus = "applied" | "granted" | "expected";

export type PublicFocusArea = {
  id: string;
  title: string;
  description: string;
  goalIds: string[];
  rollUp: ProgressRollUp;
  measures: PublicMeasureSummary[];
};

export type PublicActionPlan = {
  municipality: PublicMunicipality;
  plan: { id: string; title: string; startYear: number; endYear: number; vision: string };
  budgetYear: number;
  revision: number;
  startYear: number;
  endYear: number;
  adoptedOn: string | null;
  decisionBody: string | null;
  caseReference: string | null;
  reason: string | null;
  /** The newest adopted version of the plan, to link to from older ones. */
  newest: PublicVersionRef;
  isNewest: boolean;
  versions: PublicVersionRef[];
  goals: { id: string; title: string; description: string; rollUp: ProgressRollUp; focusAreaIds: string[] }[];
  focusAreas: PublicFocusArea[];
  totals: { year: number; municipalNok: number; externalNok: number }[];
  /** The external money of the whole plan period by state. */
  externalByStatus: ExternalByStatus;
};

export type PublicMeasure = PublicMeasureSummary & {
  municipality: PublicMunicipality;
  plan: { id: string; title: string };
  actionPlan: PublicVersionRef;
  /** The adopted action plan versions this measure is part of, newest first. */
  appearsIn: PublicVersionRef[];
  /** Sanitised rich text (src/domain/rich-text.ts). */
  description: string;
  focusAreaTitle: string;
  goals: { id: string; title: string }[];
  links: MeasureLink[];
  milestones: { dueDate: string; title: string; done: boolean }[];
  statusHistory: PublicStatusEntry[];
  /** Completed, stopped or left out of a later adopted action plan: when and why. */
  change: MeasureChange | null;
  /** Published partner proposals the measure came from or took in. */
  proposals: { number: number; title: string; status: ProposalStatus; organisation: string | null }[];
};

export async function publicTenant(ctx: ServiceContext, municipalityNumber: string) {
  return resolveTenant(asPublic(ctx), municipalityNumber);
}

/** A published plan of the municipality; 404 for unknown, unpublished or malformed ids. */
export async function loadPublicPlan(db: DbOrTx, tenant: Tenant, planId: string) {
  if (!uuidPattern.test(planId)) throw notFound("plan");
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.municipalityId, tenant.id)));
  if (!plan || !can(tenant.subject, "read", "plan", { published: plan.published })) throw notFound("plan");
  return plan;
}

/** The adopted action plan versions of a plan, newest first. */
export async function adoptedVersions(db: DbOrTx, tenant: Tenant, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({
      id: actionPlanVersions.id,
      planId: cycles.planId,
      budgetYear: cycles.budgetYear,
      revision: actionPlanVersions.revision,
      adoptedOn: actionPlanVersions.adoptedOn,
      decisionBody: actionPlanVersions.decisionBody,
      caseReference: actionPlanVersions.caseReference,
      reason: actionPlanVersions.reason,
    })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(
      and(
        eq(cycles.municipalityId, tenant.id),
        inArray(cycles.planId, planIds),
        eq(actionPlanVersions.status, "adopted"),
      ),
    )
    .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision));
}

export const versionRef = (v: { budgetYear: number; revision: number; adoptedOn: string | null }) => ({
  budgetYear: v.budgetYear,
  revision: v.revision,
  adoptedOn: v.adoptedOn,
});

export function publicSummary(row: MeasureRow): PublicMeasureSummary {
  const money = summariseMeasure(row);
  return {
    reference: row.reference,
    title: row.title,
    isExample: row.isExample,
    focusAreaId: row.focusAreaId,
    goalIds: row.goalIds,
    responsibleUnit: row.responsibleUnit,
    partners: row.partners.map(({ name, role }) => ({ name, role })),
    startYear: row.startYear,
    endYear: row.endYear,
    status: row.status,
    progress: row.progress,
    costByYear: money.costByYear,
    totalMunicipalNok: money.totalMunicipalNok,
    totalExternalNok: money.totalExternalNok,
    externalByStatus: externalByStatusOf(row.costs),
  };
}
