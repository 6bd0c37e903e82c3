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
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import { summariseMeasure } from "../../domain/plan-tree.ts";
import type { ProposalStatus } from "../../domain/proposals.ts";
import { AppError, notFound } from "../../errors.ts";
import { authorize, resolveTenant, type Tenant } from "../access.ts";
import { type ServiceContext, today, todayInNorway } from "../context.ts";
import { chooseFromCycles, loadPlanCycles, type YearChoice } from "../cycles/working-action-plan.ts";
import { proposalsOfMeasure } from "../proposals/list-proposals.ts";
import { type SharedMeasureView, sharedSplitForMeasure } from "../region/list-shared-measures.ts";
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
  /** Which action plan the measure is shown in, and the others it is in that the asker may read. */
  yearChoice: YearChoice;
  /** Part of an adopted action plan: then it can no longer be deleted. */
  inAdoptedPlan: boolean;
  /** Partners' proposals this measure came from or took in. */
  proposals: { number: number; title: string; status: ProposalStatus; organisation: string | null }[];
  /**
   * «Felles tiltak»: when other municipalities are invited to or take part in this
   * measure, the owner, each participant with share and status, and each one's part of the
   * municipal cost per year of the version shown (split by src/domain/cost-split.ts). Invitations
   * are internal: only people who see drafts see invited municipalities.
   */
  shared: SharedMeasureView | null;
  allowedActions: Action[];
};

/**
 * Finds a measure by reference, with the version the person may see: in the action plan of `year`
 * when given (404 when the measure is not in it), else in the plan in execution, else its newest
 * visible version (a measure new in the draft). 404 when there is none to see.
 */
export async function findVisibleMeasure(
  db: DbOrTx,
  tenant: Tenant,
  reference: string,
  options: { year?: number; today?: string } = {},
) {
  const measure = await measureByReference(db, tenant, reference);
  const seesDrafts = can(tenant.subject, "read_drafts", "measure");
  const versions = await db
    .select({
      actionPlan: actionPlanVersions,
      budgetYear: cycles.budgetYear,
      planId: cycles.planId,
      cycleId: cycles.id,
    })
    .from(measureVersions)
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(eq(measureVersions.measureId, measure.id))
    .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision));
  const inAdoptedPlan = versions.some((v) => v.actionPlan.status === "adopted");
  const readable = versions.filter((v) => seesDrafts || v.actionPlan.status === "adopted");
  const first = readable[0];
  if (!first) throw notFound("measure");
  if (options.year !== undefined && !readable.some((v) => v.budgetYear === options.year)) {
    throw new AppError("not_found", "yearModel.measureNotInYear", { year: options.year });
  }
  const { actionPlan, yearChoice } = chooseFromCycles(await loadPlanCycles(db, tenant.id, first.planId), {
    year: options.year,
    purpose: "execution",
    seesDrafts,
    today: options.today ?? todayInNorway(),
    onlyCycleIds: new Set(readable.map((v) => v.cycleId)),
    fallBackToNewest: true,
  });
  // The measure's newest readable version in the chosen cycle (the cycle's newest version unless a
  // revision left the measure out).
  const visible =
    readable.find((v) => v.actionPlan.id === actionPlan?.id) ??
    readable.find((v) => v.cycleId === actionPlan?.cycleId) ??
    first;
  return { measure, visible, inAdoptedPlan, yearChoice };
}

export async function getMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string; year?: number };
}): Promise<MeasureDetail> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const { measure, visible, inAdoptedPlan, yearChoice } = await findVisibleMeasure(
    ctx.db,
    tenant,
    input.reference,
    { year: input.year, today: today(ctx) },
  );
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
    yearChoice,
    inAdoptedPlan,
    proposals: await proposalsOfMeasure(ctx.db, tenant, measure.id),
    shared: await sharedSplitForMeasure(ctx.db, tenant, {
      measureId: measure.id,
      budgetYear: visible.budgetYear,
      actionPlanVersionId: visible.actionPlan.id,
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
 * For a write to a measure's running state (status, progress, milestones, spending): planners, and
 * the owner named in the version in the plan in execution (else the newest the person sees).
 * Returns the measure.
 */
export async function authorizeRunningState(
  db: DbOrTx,
  ctx: ServiceContext,
  tenant: Tenant,
  reference: string,
) {
  const { measure, visible } = await findVisibleMeasure(db, tenant, reference, { today: today(ctx) });
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
