import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  goalFocusAreas,
  goals,
  type MeasureLink,
  type MeasureStatus,
  measures,
  measureVersions,
  milestones,
  type PartnerRole,
  type ProposalStatus,
  plans,
} from "../db/schema/index.ts";
import { financialPlanPeriod } from "../domain/cycle.ts";
import { sumNok } from "../domain/money.ts";
import { can } from "../domain/permissions.ts";
import { compareReferences, summariseMeasure } from "../domain/plan-tree.ts";
import { type ProgressRollUp, rollUpProgress } from "../domain/progress.ts";
import { type PublicSearchHit, type PublicSearchItem, searchPublicContent } from "../domain/public-site.ts";
import { richTextToPlain } from "../domain/rich-text.ts";
import { notFound } from "../errors.ts";
import { resolveTenant, type Tenant } from "./access.ts";
import { anonymous, type ServiceContext } from "./context.ts";
import { proposalsOfMeasure } from "./list-proposals.ts";
import { loadMeasureRows, type MeasureRow } from "./measure-rows.ts";
import { type PublicStatusEntry, publicStatusHistory } from "./public-status-history.ts";

/**
 * The public read services: what everyone may see without signing in, shared by the public pages
 * (/kommune/…) and the open data API (/api/open/v1/…). They always read as an anonymous visitor,
 * whoever asks, so a signed-in planner sees exactly what the public sees: published plans and
 * their adopted action plan versions, never drafts or internal fields (review notes, priorities,
 * owners' accounts, contact persons).
 */
const asPublic = (ctx: ServiceContext): ServiceContext => ({ ...ctx, actor: anonymous });

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PublicMunicipality = { number: string; name: string };
export type PublicVersionRef = { budgetYear: number; revision: number; adoptedOn: string | null };

export type PublicPlanSummary = {
  id: string;
  title: string;
  startYear: number;
  endYear: number;
  vision: string;
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
};

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
  /** Published partner proposals the measure came from or took in. */
  proposals: { number: number; title: string; status: ProposalStatus; organisation: string | null }[];
};

async function publicTenant(ctx: ServiceContext, municipalityNumber: string) {
  return resolveTenant(asPublic(ctx), municipalityNumber);
}

/** A published plan of the municipality; 404 for unknown, unpublished or malformed ids. */
async function loadPublicPlan(db: DbOrTx, tenant: Tenant, planId: string) {
  if (!uuidPattern.test(planId)) throw notFound("plan");
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.municipalityId, tenant.id)));
  if (!plan || !can(tenant.subject, "read", "plan", { published: plan.published })) throw notFound("plan");
  return plan;
}

/** The adopted action plan versions of a plan, newest first. */
async function adoptedVersions(db: DbOrTx, tenant: Tenant, planIds: string[]) {
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

const versionRef = (v: { budgetYear: number; revision: number; adoptedOn: string | null }) => ({
  budgetYear: v.budgetYear,
  revision: v.revision,
  adoptedOn: v.adoptedOn,
});

function publicSummary(row: MeasureRow): PublicMeasureSummary {
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
  };
}

/** The municipality's published plans, each with its adopted action plan versions. */
export async function listPublicPlans({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}): Promise<{ municipality: PublicMunicipality; plans: PublicPlanSummary[] }> {
  const tenant = await publicTenant(ctx, input.municipalityNumber);
  const rows = (
    await ctx.db
      .select()
      .from(plans)
      .where(eq(plans.municipalityId, tenant.id))
      .orderBy(desc(plans.startYear))
  ).filter((p) => can(tenant.subject, "read", "plan", { published: p.published }));
  const versions = await adoptedVersions(
    ctx.db,
    tenant,
    rows.map((p) => p.id),
  );
  return {
    municipality: { number: tenant.number, name: tenant.name },
    plans: rows.map((p) => ({
      id: p.id,
      title: p.title,
      startYear: p.startYear,
      endYear: p.endYear,
      vision: p.vision,
      versions: versions.filter((v) => v.planId === p.id).map(versionRef),
    })),
  };
}

/**
 * One adopted action plan version of a published plan: the newest revision of the budget year, or
 * the given revision. Drafts and unpublished plans answer 404.
 */
export async function getPublicActionPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string; budgetYear: number; revision?: number };
}): Promise<PublicActionPlan> {
  const tenant = await publicTenant(ctx, input.municipalityNumber);
  const plan = await loadPublicPlan(ctx.db, tenant, input.planId);
  const versions = await adoptedVersions(ctx.db, tenant, [plan.id]);
  const chosen = versions.find(
    (v) =>
      v.budgetYear === input.budgetYear && (input.revision === undefined || v.revision === input.revision),
  );
  const newest = versions[0];
  if (!chosen || !newest) throw notFound("actionPlan");

  const [rows, goalRows, focusAreaRows, links] = await Promise.all([
    loadMeasureRows(ctx.db, tenant.id, chosen.id),
    ctx.db
      .select({ id: goals.id, title: goals.title, description: goals.description })
      .from(goals)
      .where(and(eq(goals.planId, plan.id), eq(goals.municipalityId, tenant.id)))
      .orderBy(asc(goals.position)),
    ctx.db
      .select({ id: focusAreas.id, title: focusAreas.title, description: focusAreas.description })
      .from(focusAreas)
      .where(and(eq(focusAreas.planId, plan.id), eq(focusAreas.municipalityId, tenant.id)))
      .orderBy(asc(focusAreas.position)),
    ctx.db
      .select({ goalId: goalFocusAreas.goalId, focusAreaId: goalFocusAreas.focusAreaId })
      .from(goalFocusAreas)
      .where(eq(goalFocusAreas.municipalityId, tenant.id)),
  ]);
  const summaries = rows.map(publicSummary).sort((a, b) => compareReferences(a.reference, b.reference));
  const period = financialPlanPeriod(chosen.budgetYear);
  const focusAreaList: PublicFocusArea[] = focusAreaRows.map((fa) => {
    const own = summaries.filter((m) => m.focusAreaId === fa.id);
    return {
      ...fa,
      goalIds: links.filter((l) => l.focusAreaId === fa.id).map((l) => l.goalId),
      rollUp: rollUpProgress(own),
      measures: own,
    };
  });
  return {
    municipality: { number: tenant.number, name: tenant.name },
    plan: {
      id: plan.id,
      title: plan.title,
      startYear: plan.startYear,
      endYear: plan.endYear,
      vision: plan.vision,
    },
    budgetYear: chosen.budgetYear,
    revision: chosen.revision,
    startYear: period.startYear,
    endYear: period.endYear,
    adoptedOn: chosen.adoptedOn,
    decisionBody: chosen.decisionBody,
    caseReference: chosen.caseReference,
    reason: chosen.reason,
    newest: versionRef(newest),
    isNewest: newest.id === chosen.id,
    versions: versions.map(versionRef),
    goals: goalRows.map((g) => ({
      ...g,
      rollUp: rollUpProgress(summaries.filter((m) => m.goalIds.includes(g.id))),
      focusAreaIds: links.filter((l) => l.goalId === g.id).map((l) => l.focusAreaId),
    })),
    focusAreas: focusAreaList,
    totals: period.years.map((year) => {
      const of = (kind: "municipalNok" | "externalNok") =>
        sumNok(summaries.map((m) => m.costByYear.find((c) => c.year === year)?.[kind] ?? 0));
      return { year, municipalNok: of("municipalNok"), externalNok: of("externalNok") };
    }),
  };
}

/**
 * A measure as published: its content in the newest adopted action plan version of a published plan
 * it is part of, its current status and progress, and its status history. A measure that is only
 * in drafts answers 404.
 */
export async function getPublicMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string };
}): Promise<PublicMeasure> {
  const tenant = await publicTenant(ctx, input.municipalityNumber);
  const [measure] = await ctx.db
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.municipalityId, tenant.id), eq(measures.reference, input.reference)));
  if (!measure) throw notFound("measure");
  const appearances = (
    await ctx.db
      .select({
        actionPlanVersionId: actionPlanVersions.id,
        budgetYear: cycles.budgetYear,
        revision: actionPlanVersions.revision,
        adoptedOn: actionPlanVersions.adoptedOn,
        planId: plans.id,
        planTitle: plans.title,
        published: plans.published,
      })
      .from(measureVersions)
      .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
      .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
      .innerJoin(plans, eq(plans.id, cycles.planId))
      .where(
        and(
          eq(measureVersions.measureId, measure.id),
          eq(measureVersions.municipalityId, tenant.id),
          eq(actionPlanVersions.status, "adopted"),
        ),
      )
      .orderBy(desc(cycles.budgetYear), desc(actionPlanVersions.revision))
  ).filter((a) => can(tenant.subject, "read", "measure", { published: a.published }));
  const newest = appearances[0];
  if (!newest) throw notFound("measure");
  const [row] = await loadMeasureRows(ctx.db, tenant.id, newest.actionPlanVersionId, measure.id);
  if (!row) throw notFound("measure");
  const [focusArea, goalRows, milestoneRows, statusHistory, proposals] = await Promise.all([
    ctx.db.select({ title: focusAreas.title }).from(focusAreas).where(eq(focusAreas.id, row.focusAreaId)),
    row.goalIds.length
      ? ctx.db
          .select({ id: goals.id, title: goals.title })
          .from(goals)
          .where(inArray(goals.id, row.goalIds))
          .orderBy(asc(goals.position))
      : [],
    ctx.db
      .select({ dueDate: milestones.dueDate, title: milestones.title, done: milestones.done })
      .from(milestones)
      .where(and(eq(milestones.measureId, measure.id), eq(milestones.municipalityId, tenant.id)))
      .orderBy(asc(milestones.dueDate), asc(milestones.createdAt)),
    publicStatusHistory(ctx.db, tenant.id, measure.id),
    // The tenant is read as the public, so only published proposals come back.
    proposalsOfMeasure(ctx.db, tenant, measure.id),
  ]);
  return {
    ...publicSummary(row),
    municipality: { number: tenant.number, name: tenant.name },
    plan: { id: newest.planId, title: newest.planTitle },
    actionPlan: versionRef(newest),
    appearsIn: appearances.filter((a) => a.planId === newest.planId).map(versionRef),
    description: row.description,
    focusAreaTitle: focusArea[0]?.title ?? "",
    goals: goalRows,
    links: row.links,
    milestones: milestoneRows,
    statusHistory,
    proposals,
  };
}

export type PublicSearchResult = {
  municipality: PublicMunicipality;
  query: string;
  results: (PublicSearchHit & { planId: string; budgetYear: number })[];
};

/**
 * Search across what is published (the newest adopted action plan of each published plan): goals,
 * focus areas and measures, in Norwegian (src/domain/public-site.ts).
 */
export async function searchPublic({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; q: string };
}): Promise<PublicSearchResult> {
  const { municipality, plans: planList } = await listPublicPlans({ ctx, input });
  const results: PublicSearchResult["results"] = [];
  for (const plan of planList) {
    const newest = plan.versions[0];
    if (!newest) continue;
    const actionPlan = await getPublicActionPlan({
      ctx,
      input: { municipalityNumber: input.municipalityNumber, planId: plan.id, budgetYear: newest.budgetYear },
    });
    const descriptions = new Map(
      (
        await ctx.db
          .select({ reference: measures.reference, description: measureVersions.description })
          .from(measureVersions)
          .innerJoin(measures, eq(measures.id, measureVersions.measureId))
          .innerJoin(actionPlanVersions, eq(actionPlanVersions.id, measureVersions.actionPlanVersionId))
          .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
          .where(
            and(
              eq(cycles.planId, plan.id),
              eq(cycles.budgetYear, actionPlan.budgetYear),
              eq(actionPlanVersions.revision, actionPlan.revision),
            ),
          )
      ).map((r) => [r.reference, richTextToPlain(r.description)]),
    );
    const focusTitles = new Map(actionPlan.focusAreas.map((f) => [f.id, f.title]));
    const items: PublicSearchItem[] = [
      ...actionPlan.goals.map((g) => ({
        kind: "goal" as const,
        id: g.id,
        title: g.title,
        text: g.description,
      })),
      ...actionPlan.focusAreas.map((f) => ({
        kind: "focus_area" as const,
        id: f.id,
        title: f.title,
        text: f.description,
      })),
      ...actionPlan.focusAreas.flatMap((f) =>
        f.measures.map((m) => ({
          kind: "measure" as const,
          id: m.reference,
          title: `${m.reference} ${m.title}`,
          text: descriptions.get(m.reference) ?? "",
          extra: [
            focusTitles.get(m.focusAreaId) ?? "",
            m.responsibleUnit,
            ...m.partners.map((p) => p.name),
          ].join("\n"),
        })),
      ),
    ];
    for (const hit of searchPublicContent(items, input.q)) {
      results.push({ ...hit, planId: plan.id, budgetYear: actionPlan.budgetYear });
    }
  }
  return { municipality, query: input.q, results };
}
