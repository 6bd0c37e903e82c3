import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { actionPlanVersions, cycles, focusAreas, measureVersions, plans } from "../../db/schema/index.ts";
import { filterMeasures, type MeasureFilter } from "../../domain/measure-filter.ts";
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import { summariseMeasure } from "../../domain/plan-tree.ts";
import { richTextToPlain } from "../../domain/rich-text.ts";
import { notFound } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { type ServiceContext, today } from "../context.ts";
import { chooseActionPlan, type YearChoice } from "../cycles/working-action-plan.ts";
import { type PageInput, pageOfSorted } from "../paging.ts";
import { loadSharedMeasureViews, type SharedMeasureView } from "../region/list-shared-measures.ts";
import { redactForReader } from "./internal.ts";
import { loadMeasureRows, type MeasureRow } from "./measure-rows.ts";

export type MeasureListItem = Omit<
  MeasureRow,
  "costs" | "description" | "measureId" | "versionId" | "links"
> & {
  focusAreaTitle: string;
  totalMunicipalNok: number;
};

export type MeasureList = {
  actionPlan: { budgetYear: number; revision: number; status: "draft" | "adopted" } | null;
  /** Which action plan is listed, and the others the asker may switch to. */
  yearChoice: YearChoice;
  total: number;
  /** How many measures the filter and search match (the items are one page of them). */
  matching: number;
  items: MeasureListItem[];
  nextCursor: string | null;
  /** What may be done with measures in this plan (e.g. "create"). */
  allowedActions: Action[];
  /** «Felles tiltak»: shared measures this municipality owns or has joined, with the split. */
  sharedMeasures: SharedMeasureView[];
};

/** The measures of a plan: those with a version in one of its action plans. */
async function measureIdsOfPlan(db: DbOrTx, municipalityId: string, planId: string) {
  const rows = await db
    .selectDistinct({ id: measureVersions.measureId })
    .from(measureVersions)
    .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(and(eq(cycles.planId, planId), eq(cycles.municipalityId, municipalityId)));
  return new Set(rows.map((r) => r.id));
}

/**
 * The plan as a table: the measures of one action plan (the year asked for, else the plan in
 * execution), filtered, searched and sorted.
 */
export async function listMeasures({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string; year?: number } & MeasureFilter & PageInput;
}): Promise<MeasureList> {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const [plan] = await ctx.db
    .select()
    .from(plans)
    .where(and(eq(plans.id, input.planId), eq(plans.municipalityId, tenant.id)));
  if (!plan || !can(tenant.subject, "read", "plan", { published: plan.published })) throw notFound("plan");
  const seesDrafts = can(tenant.subject, "read_drafts", "measure");
  const { actionPlan, yearChoice } = await chooseActionPlan(ctx.db, tenant.id, plan.id, {
    year: input.year,
    purpose: "execution",
    seesDrafts,
    today: today(ctx),
  });
  const planActions = allowedActions(tenant.subject, "measure", { published: true }).filter(
    (a) => a !== "create" || actionPlan?.status === "draft",
  );
  // The split of the shown year (as the frame check counts it), so /tiltak and the check agree. A
  // shared measure this municipality owns is listed with the plan it belongs to.
  const [shared, ownMeasureIds] = await Promise.all([
    loadSharedMeasureViews(ctx.db, tenant, actionPlan?.budgetYear),
    measureIdsOfPlan(ctx.db, tenant.id, plan.id),
  ]);
  const sharedMeasures = shared.filter(
    (m) => m.role !== "invited" && (m.role !== "owner" || ownMeasureIds.has(m.measureId)),
  );
  if (!actionPlan)
    return {
      actionPlan: null,
      yearChoice,
      total: 0,
      matching: 0,
      items: [],
      nextCursor: null,
      allowedActions: planActions,
      sharedMeasures,
    };

  const [rows, focusAreaRows] = await Promise.all([
    loadMeasureRows(ctx.db, tenant.id, actionPlan.id),
    ctx.db
      .select({ id: focusAreas.id, title: focusAreas.title })
      .from(focusAreas)
      .where(eq(focusAreas.planId, plan.id)),
  ]);
  const focusAreaTitles = new Map(focusAreaRows.map((f) => [f.id, f.title]));
  const all = rows.map((full) => {
    const row = redactForReader(tenant.subject, full);
    const { costs, description, measureId: _m, versionId: _v, links: _l, ...rest } = row;
    return {
      ...rest,
      focusAreaTitle: focusAreaTitles.get(row.focusAreaId) ?? "",
      searchText: [richTextToPlain(description), row.responsibleUnit, row.contactPerson].join("\n"),
      totalMunicipalNok: summariseMeasure({ ...row, costs }).totalMunicipalNok,
    };
  });
  // Sorted by the chosen key, then reference: a total order, so a page's cursor is the last reference.
  const matching = filterMeasures(all, input);
  const page = pageOfSorted("measures", matching, (m) => m.reference, input);
  return {
    actionPlan: {
      budgetYear: actionPlan.budgetYear,
      revision: actionPlan.revision,
      status: actionPlan.status,
    },
    yearChoice,
    total: all.length,
    matching: matching.length,
    items: page.items.map(({ searchText: _s, ...item }) => item),
    nextCursor: page.nextCursor,
    allowedActions: planActions,
    sharedMeasures,
  };
}
