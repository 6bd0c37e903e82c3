import { and, eq } from "drizzle-orm";
import { focusAreas, plans } from "../../db/schema/index.ts";
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
  // The split of the shown year (as the frame check counts it), so /tiltak and the check agree.
  const sharedMeasures = (await loadSharedMeasureViews(ctx.db, tenant, actionPlan?.budgetYear)).filter(
    (m) => m.role !== "invited",
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
