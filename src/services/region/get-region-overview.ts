import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { queryAll } from "../../db/client.ts";
import {
  actionPlanVersions,
  cycles,
  focusAreas,
  fundingSources,
  measureCosts,
  measureParticipations,
  measures,
  measureVersionPartners,
  measureVersions,
  municipalities,
  partnerOrganisations,
  plans,
  regionMunicipalities,
} from "../../db/schema/index.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import type { MeasureStatus } from "../../domain/measures.ts";
import { type Action, allowedActions, can } from "../../domain/permissions.ts";
import { partnersInSeveralMunicipalities } from "../../domain/region.ts";
import { subjectIn, subjectInRegion } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { loadRegion } from "./internal.ts";
import { presentSharedMeasure, type SharedMeasureView } from "./list-shared-measures.ts";
import { loadSharedMeasuresForYear } from "./shared-measures.ts";

type ByYear = { year: number; amountNok: number }[];

export type RegionOverview = {
  region: { slug: string; name: string };
  /** The budget year shown: each member's action plan of that cycle, the period's years. */
  year: number;
  years: number[];
  municipalities: {
    number: string;
    name: string;
    active: boolean;
    actionPlans: { planTitle: string; budgetYear: number; revision: number; status: "draft" | "adopted" }[];
    measureCount: number;
    /** The municipality's own share of the measures' municipal cost per year (shared measures split). */
    budgetByYear: ByYear;
    focusAreas: {
      title: string;
      measures: {
        reference: string;
        title: string;
        status: MeasureStatus;
        shared: boolean;
        municipalNok: number;
      }[];
    }[];
  }[];
  totalByYear: ByYear;
  partners: {
    organisationNumber: string;
    names: string[];
    municipalities: { number: string; name: string }[];
  }[];
  sharedMeasures: SharedMeasureView[];
  allowedActions: Action[];
};

/**
 * The regional overview: every member municipality's measures by focus area, the budget
 * per year (each municipality's own share), partners working in several municipalities, and the
 * shared measures with their split, for one budget year (`year`; by default the current year, or
 * the next one planned when no member has a plan for it). Each municipality shows what the asking
 * person may read there of that year's cycle: its newest adopted, published action plan, or the
 * newest draft for its own people. Shared measures count by THE split for that year (the owner's
 * adopted version of the cycle, src/services/region/shared-measures.ts). A fixed number of queries
 * whatever the size of the region.
 */
export async function getRegionOverview({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { slug: string; year?: number };
}): Promise<RegionOverview> {
  const region = await loadRegion(ctx, input.slug);
  const members = await ctx.db
    .select({
      id: municipalities.id,
      number: municipalities.number,
      name: municipalities.name,
      active: municipalities.active,
    })
    .from(regionMunicipalities)
    .innerJoin(municipalities, eq(municipalities.id, regionMunicipalities.municipalityId))
    .where(eq(regionMunicipalities.regionId, region.id))
    .orderBy(asc(municipalities.name));
  const activeIds = members.filter((m) => m.active).map((m) => m.id);
  const subjects = new Map(activeIds.map((id) => [id, subjectIn(ctx.actor, id)]));

  // Every action plan version of the members' plans; pick per plan the one the person may read.
  const versions = activeIds.length
    ? await ctx.db
        .select({
          id: actionPlanVersions.id,
          municipalityId: cycles.municipalityId,
          planId: plans.id,
          planTitle: plans.title,
          published: plans.published,
          budgetYear: cycles.budgetYear,
          revision: actionPlanVersions.revision,
          status: actionPlanVersions.status,
        })
        .from(actionPlanVersions)
        .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
        .innerJoin(plans, eq(plans.id, cycles.planId))
        .where(inArray(cycles.municipalityId, activeIds))
        .orderBy(asc(cycles.budgetYear), asc(actionPlanVersions.revision))
    : [];
  const readableVersions = versions.filter((v) => {
    const subject = subjects.get(v.municipalityId);
    if (!subject || !can(subject, "read", "plan", { published: v.published })) return false;
    return (
      can(subject, "read_drafts", "action_plan") ||
      (v.status === "adopted" && can(subject, "read", "action_plan", { published: v.published }))
    );
  });
  const year =
    input.year ??
    defaultOverviewYear(
      readableVersions.map((v) => v.budgetYear),
      ctx,
    );
  const chosenByPlan = new Map<string, (typeof versions)[number]>();
  for (const v of readableVersions) {
    // Ordered oldest first, so the newest readable version of the year's cycle wins.
    if (v.budgetYear === year) chosenByPlan.set(v.planId, v);
  }
  const chosen = [...chosenByPlan.values()];
  const chosenIds = chosen.map((v) => v.id);
  const years = financialPlanPeriod(year).years;

  const [measureRows, focusAreaRows, costRows, partnerRows] = chosenIds.length
    ? await queryAll(ctx.db, [
        () =>
          ctx.db
            .select({
              municipalityId: measureVersions.municipalityId,
              measureId: measures.id,
              versionId: measureVersions.id,
              reference: measures.reference,
              title: measureVersions.title,
              status: measures.status,
              focusAreaId: measureVersions.focusAreaId,
            })
            .from(measureVersions)
            .innerJoin(measures, eq(measures.id, measureVersions.measureId))
            .where(inArray(measureVersions.actionPlanVersionId, chosenIds)),
        () =>
          ctx.db
            .select({ id: focusAreas.id, title: focusAreas.title, position: focusAreas.position })
            .from(focusAreas)
            .where(inArray(focusAreas.planId, [...chosenByPlan.keys()])),
        // Driven from the chosen versions (index on action_plan_version_id, then on
        // measure_costs.measure_version_id), so the cost of the query follows the region, not the
        // installation.
        () =>
          ctx.db
            .select({
              versionId: measureVersions.id,
              year: measureCosts.year,
              frameAreaId: fundingSources.frameAreaId,
              amountNok: sql<number>`sum(${measureCosts.amountNok})::bigint`.mapWith(Number),
            })
            .from(measureVersions)
            .innerJoin(measureCosts, eq(measureCosts.measureVersionId, measureVersions.id))
            .innerJoin(fundingSources, eq(fundingSources.id, measureCosts.fundingSourceId))
            .where(
              and(
                inArray(measureVersions.actionPlanVersionId, chosenIds),
                eq(fundingSources.kind, "municipal"),
              ),
            )
            .groupBy(measureVersions.id, measureCosts.year, fundingSources.frameAreaId),
        () =>
          ctx.db
            .selectDistinct({
              organisationNumber: partnerOrganisations.organisationNumber,
              name: partnerOrganisations.name,
              municipalityId: partnerOrganisations.municipalityId,
            })
            .from(measureVersions)
            .innerJoin(
              measureVersionPartners,
              eq(measureVersionPartners.measureVersionId, measureVersions.id),
            )
            .innerJoin(
              partnerOrganisations,
              eq(partnerOrganisations.id, measureVersionPartners.organisationId),
            )
            .where(
              and(
                inArray(measureVersions.actionPlanVersionId, chosenIds),
                isNotNull(partnerOrganisations.organisationNumber),
              ),
            ),
      ])
    : [[], [], [], []];
  const ownedShared = activeIds.length
    ? await ctx.db
        .selectDistinct({ measureId: measureParticipations.measureId })
        .from(measureParticipations)
        .where(inArray(measureParticipations.ownerMunicipalityId, activeIds))
    : [];

  // Each municipality's own share: its own measures of the year's plan, and of every shared
  // measure its part of THE split for the year (whoever owns it), never another's draft.
  const sharedIds = new Set(ownedShared.map((r) => r.measureId));
  const shared = (
    await loadSharedMeasuresForYear(ctx.db, { measureIds: [...sharedIds], budgetYear: year })
  ).filter((m) => {
    const subject = subjects.get(m.owner.id);
    return (
      subject &&
      (can(subject, "read_drafts", "measure") ||
        can(subject, "read", "measure", { shared: true, published: m.adopted && m.published }))
    );
  });
  const costsByVersion = new Map<string, typeof costRows>();
  for (const c of costRows) costsByVersion.set(c.versionId, [...(costsByVersion.get(c.versionId) ?? []), c]);
  const budget = new Map<string, number>(); // municipalityId|year → kroner
  const add = (municipalityId: string, year: number, amount: number) => {
    const key = `${municipalityId}|${year}`;
    budget.set(key, (budget.get(key) ?? 0) + amount);
  };
  const measureTotals = new Map<string, number>();
  const splitShared = new Set(
    shared.filter((m) => m.participations.some((p) => p.status === "joined")).map((m) => m.measureId),
  );
  for (const m of measureRows) {
    const lines = costsByVersion.get(m.versionId) ?? [];
    measureTotals.set(
      m.versionId,
      lines.reduce((a, l) => a + l.amountNok, 0),
    );
    if (splitShared.has(m.measureId)) continue;
    for (const l of lines) add(m.municipalityId, l.year, l.amountNok);
  }
  for (const m of shared) {
    if (!splitShared.has(m.measureId)) continue;
    for (const party of m.split) for (const y of party.byYear) add(party.municipalityId, y.year, y.amountNok);
  }

  const focusTitle = new Map(focusAreaRows.map((f) => [f.id, f]));
  const memberName = new Map(members.map((m) => [m.id, m]));
  const sharedViews = shared
    .map((m) => presentSharedMeasure(m, m.owner.id))
    .map((v) => ({ ...v, role: "owner" as const, participation: null }))
    .sort(
      (a, b) =>
        a.owner.name.localeCompare(b.owner.name, "nb") || a.reference.localeCompare(b.reference, "nb"),
    );

  return {
    region: { slug: region.slug, name: region.name },
    year,
    years,
    municipalities: members.map((m) => {
      const own = measureRows.filter((r) => r.municipalityId === m.id);
      const byArea = new Map<string, typeof own>();
      for (const r of own) byArea.set(r.focusAreaId, [...(byArea.get(r.focusAreaId) ?? []), r]);
      return {
        number: m.number,
        name: m.name,
        active: m.active,
        actionPlans: chosen
          .filter((v) => v.municipalityId === m.id)
          .map((v) => ({
            planTitle: v.planTitle,
            budgetYear: v.budgetYear,
            revision: v.revision,
            status: v.status,
          })),
        measureCount: own.length,
        budgetByYear: years.map((year) => ({ year, amountNok: budget.get(`${m.id}|${year}`) ?? 0 })),
        focusAreas: [...byArea]
          .sort(([a], [b]) => (focusTitle.get(a)?.position ?? 0) - (focusTitle.get(b)?.position ?? 0))
          .map(([id, rows]) => ({
            title: focusTitle.get(id)?.title ?? "",
            measures: rows
              .map((r) => ({
                reference: r.reference,
                title: r.title,
                status: r.status,
                shared: sharedIds.has(r.measureId),
                municipalNok: measureTotals.get(r.versionId) ?? 0,
              }))
              .sort((a, b) => a.reference.localeCompare(b.reference, "nb", { numeric: true })),
          })),
      };
    }),
    totalByYear: years.map((year) => ({
      year,
      amountNok: members.reduce((a, m) => a + (budget.get(`${m.id}|${year}`) ?? 0), 0),
    })),
    partners: partnersInSeveralMunicipalities(partnerRows).map((p) => ({
      organisationNumber: p.organisationNumber,
      names: p.names,
      municipalities: p.municipalityIds
        .map((id) => ({ number: memberName.get(id)?.number ?? "", name: memberName.get(id)?.name ?? "" }))
        .sort((a, b) => a.name.localeCompare(b.name, "nb")),
    })),
    sharedMeasures: sharedViews,
    allowedActions: allowedActions(subjectInRegion(ctx.actor, region.id), "region"),
  };
}

/**
 * The year shown by default: the current one when a member has a plan for it, else the nearest
 * later year planned, else the newest there is.
 */
function defaultOverviewYear(budgetYears: number[], ctx: ServiceContext): number {
  const current = Number(currentDate(ctx).slice(0, 4));
  const known = [...new Set(budgetYears)].sort((a, b) => a - b);
  if (known.length === 0 || known.includes(current)) return current;
  return known.find((y) => y > current) ?? (known.at(-1) as number);
}

/** Today (YYYY-MM-DD in Norway), from the request's clock when it has one. */
function currentDate(ctx: ServiceContext): string {
  const clock = (ctx as { today?: () => string }).today;
  return clock ? clock() : new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date());
}
