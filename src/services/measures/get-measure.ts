import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  fundingSources,
  measureSpending,
  measureVersions,
  milestones,
  objectives,
} from "../../db/schema/index.ts";
import { ownerPercent, splitMeasureCosts } from "../../domain/cost-split.ts";
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import { summariseMeasure } from "../../domain/plan-tree.ts";
import type { ProposalStatus } from "../../domain/proposals.ts";
import { notFound } from "../../errors.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { proposalsOfMeasure } from "../proposals/list-proposals.ts";
import { presentSharedMeasure, type SharedMeasureView } from "../region/list-shared-measures.ts";
import { joinedParties, loadParticipations } from "../region/shared-measures.ts";
import { focusAreaAndGoals, measureByReference, redactForReader } from "./internal.ts";
import { loadMeasureRows, type MeasureRow } from "./measure-rows.ts";

export type MeasureDetail = Omit<
  MeasureRow,
  "costs" | "goalIds" | "objectiveIds" | "measureId" | "versionId"
> & {
  planId: string;
  focusAreaTitle: string;
  goals: { id: string; title: string }[];
  objectives: { id: string; title: string }[];
  costByYear: { year: number; municipalNok: number; externalNok: number }[];
  /** Financing per year and funding source (for editing). */
  costs: MeasureRow["costs"];
  /** Actual spending per year and funding source, to set against the plan. */
  spending: { year: number; fundingSourceId: string; kind: "municipal" | "external"; amountNok: number }[];
  totalMunicipalNok: number;
  totalExternalNok: number;
  milestones: { id: string; dueDate: string; title: string; done: boolean; version: number }[];
  actionPlan: { budgetYear: number; revision: number; status: "draft" | "adopted" };
  /** Part of an adopted action plan: then it can no longer be deleted. */
  inAdoptedPlan: boolean;
  /** Partners' proposals this measure came from or took in. */
  proposals: { number: number; title: string; status: ProposalStatus; organisation: string | null }[];
  /**
   * «Felles tiltak» (issue 12): when other municipalities are invited to or take part in this
   * measure, the owner, each participant with share and status, and each one's part of the
   * municipal cost per year of the version shown (split by src/domain/cost-split.ts). Invitations
   * are internal: only people who see drafts see invited municipalities.
   */
  shared: SharedMeasureView | null;
  allowedActions: Action[];
};

/** Finds a measure by reference, with the version the person may see; 404 when there is none. */
export async function findVisibleMeasure(db: DbOrTx, tenant: Tenant, reference: string) {
  const measure = await measureByReference(db, tenant, reference);
  const seesDrafts = can(tenant.subject, "read_drafts", "measure");
  const versions = await db
    .select({ actionPlan: actionPlanVersions, budgetYear: cycles.budgetYear, planId: cycles.planId })
    .from(measureVersions)
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(eq(measureVersions.measureId, measure.id))
    .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision));
  const inAdoptedPlan = versions.some((v) => v.actionPlan.status === "adopted");
  const visible = versions.find((v) => seesDrafts || v.actionPlan.status === "adopted");
  if (!visible) throw notFound("measure");
  return { measure, visible, inAdoptedPlan };
}

export async function getMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string };
}): Promise<MeasureDetail> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const { measure, visible, inAdoptedPlan } = await findVisibleMeasure(ctx.db, tenant, input.reference);
  const [full] = await loadMeasureRows(ctx.db, tenant.id, visible.actionPlan.id, measure.id);
  if (!full) throw notFound("measure");
  const row = redactForReader(tenant.subject, full);
  const [placement, objectiveRows, milestoneRows, spending] = await Promise.all([
    focusAreaAndGoals(ctx.db, row),
    row.objectiveIds.length
      ? ctx.db
          .select({ id: objectives.id, title: objectives.title })
          .from(objectives)
          .where(inArray(objectives.id, row.objectiveIds))
          .orderBy(asc(objectives.position))
      : [],
    ctx.db
      .select({
        id: milestones.id,
        dueDate: milestones.dueDate,
        title: milestones.title,
        done: milestones.done,
        version: milestones.version,
      })
      .from(milestones)
      .where(and(eq(milestones.measureId, measure.id), eq(milestones.municipalityId, tenant.id)))
      .orderBy(asc(milestones.dueDate), asc(milestones.createdAt)),
    ctx.db
      .select({
        year: measureSpending.year,
        fundingSourceId: measureSpending.fundingSourceId,
        kind: fundingSources.kind,
        amountNok: measureSpending.amountNok,
      })
      .from(measureSpending)
      .innerJoin(fundingSources, eq(fundingSources.id, measureSpending.fundingSourceId))
      .where(eq(measureSpending.measureId, measure.id))
      .orderBy(asc(measureSpending.year)),
  ]);
  const { measureId: _m, versionId: _v, goalIds: _g, objectiveIds: _o, ...content } = row;
  const money = summariseMeasure({ ...row, costs: row.costs });
  return {
    ...content,
    planId: visible.planId,
    ...placement,
    objectives: objectiveRows,
    costByYear: money.costByYear,
    costs: row.costs,
    spending,
    totalMunicipalNok: money.totalMunicipalNok,
    totalExternalNok: money.totalExternalNok,
    milestones: milestoneRows,
    actionPlan: {
      budgetYear: visible.budgetYear,
      revision: visible.actionPlan.revision,
      status: visible.actionPlan.status,
    },
    inAdoptedPlan,
    proposals: await proposalsOfMeasure(ctx.db, tenant, measure.id),
    shared: await sharedSplitOf(ctx.db, tenant, {
      measureId: measure.id,
      reference: measure.reference,
      title: row.title,
      status: measure.status,
      adopted: visible.actionPlan.status === "adopted",
      budgetYear: visible.budgetYear,
      costs: row.costs,
    }),
    // An adopted version is frozen: its content is changed only by a revision; the running state
    // (status, progress, milestones) can still be kept up to date.
    allowedActions: allowedActions(tenant.subject, "measure", {
      published: visible.actionPlan.status === "adopted",
      ownerUserId: row.ownerUserId,
    }).filter((a) => visible.actionPlan.status === "draft" || (a !== "update" && a !== "delete")),
  };
}

/**
 * The split of the version shown (not the owner's newest, which may be a draft the person may not
 * see) among the owner and the participants.
 */
async function sharedSplitOf(
  db: DbOrTx,
  tenant: Tenant,
  m: {
    measureId: string;
    reference: string;
    title: string;
    status: string;
    adopted: boolean;
    budgetYear: number;
    costs: MeasureRow["costs"];
  },
): Promise<SharedMeasureView | null> {
  const all = await loadParticipations(db, [m.measureId]);
  const participations = can(tenant.subject, "read_drafts", "measure")
    ? all
    : all.filter((p) => p.status === "joined");
  if (participations.length === 0) return null;
  const lines = m.costs
    .filter((c) => c.kind === "municipal")
    .map((c) => ({ year: c.year, frameAreaId: null, amountNok: c.amountNok }));
  const parties = joinedParties(participations);
  return presentSharedMeasure(
    {
      measureId: m.measureId,
      reference: m.reference,
      title: m.title,
      status: m.status,
      owner: { id: tenant.id, number: tenant.number, name: tenant.name },
      adopted: m.adopted,
      published: m.adopted,
      budgetYear: m.budgetYear,
      ownerPercent: ownerPercent(parties.map((p) => p.percent)),
      participations,
      shares: splitMeasureCosts({ ownerMunicipalityId: tenant.id, participants: parties, lines }),
      lines,
    },
    tenant.id,
  );
}

/**
 * For a write to a measure's running state (status, progress, milestones): planners, and the
 * owner named in the version the person sees. Returns the measure.
 */
export async function authorizeRunningState(
  db: DbOrTx,
  ctx: ServiceContext,
  tenant: Tenant,
  reference: string,
) {
  const { measure, visible } = await findVisibleMeasure(db, tenant, reference);
  const [version] = await db
    .select({ ownerUserId: measureVersions.ownerUserId })
    .from(measureVersions)
    .where(
      and(
        eq(measureVersions.measureId, measure.id),
        eq(measureVersions.actionPlanVersionId, visible.actionPlan.id),
      ),
    );
  authorize(
    ctx,
    tenant,
    "update_status",
    "measure",
    { ownerUserId: version?.ownerUserId ?? null },
    "measure",
  );
  return measure;
}
