import { toCsv } from "../../domain/audit.ts";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { openDataLicence } from "../../domain/public-site.ts";
import type { ServiceContext } from "../context.ts";
import { getPublicActionPlan } from "./get-public-action-plan.ts";
import { getPublicMeasure } from "./get-public-measure.ts";
import type { PublicActionPlan, PublicMunicipality } from "./internal.ts";
import { listPublicPlans } from "./list-public-plans.ts";

/**
 * Open data (CC BY 4.0): the same public read services as the public pages, as JSON and CSV under
 * stable addresses (/api/open/v1/kommune/<nr>/…). Every answer names the licence and the source.
 */
const attributionOf = (municipality: PublicMunicipality) => ({
  licence: openDataLicence,
  attribution: `Kilde: ${municipality.name} kommune`,
});

export async function openPlans({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string };
}) {
  const result = await listPublicPlans({ ctx, input });
  return { ...attributionOf(result.municipality), ...result };
}

export async function openActionPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; planId: string; budgetYear: number; revision?: number };
}) {
  const plan = await getPublicActionPlan({ ctx, input });
  return { ...attributionOf(plan.municipality), ...plan };
}

export async function openMeasure({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; reference: string };
}) {
  const measure = await getPublicMeasure({ ctx, input });
  return { ...attributionOf(measure.municipality), ...measure };
}

const statusNames = {
  planned: "planlagt",
  in_progress: "pågår",
  delayed: "forsinket",
  completed: "fullført",
  stopped: "stoppet",
} as const;

/**
 * The measures of an action plan as CSV (semicolon-separated, as Norwegian spreadsheets expect):
 * one line per measure with its place in the plan, status, progress and adopted costs per year of
 * the period, in whole kroner.
 */
export function actionPlanMeasuresCsv(
  plan: PublicActionPlan,
  measureUrl: (reference: string) => string,
): string {
  const years = financialPlanPeriod(plan.budgetYear).years;
  const goalTitles = new Map(plan.goals.map((g) => [g.id, g.title]));
  const header = [
    "referanse",
    "tiltak",
    "satsingsområde",
    "mål",
    "ansvarlig",
    "samarbeidspartnere",
    "fra_år",
    "til_år",
    "status",
    "fremdrift_prosent",
    ...years.map((y) => `kommunalt_${y}`),
    ...years.map((y) => `eksternt_${y}`),
    "eksempel",
    "handlingsplan",
    "revisjon",
    "adresse",
  ];
  const rows = plan.focusAreas.flatMap((fa) =>
    fa.measures.map((m) => [
      m.reference,
      m.title,
      fa.title,
      m.goalIds.map((id) => goalTitles.get(id) ?? "").join(" | "),
      m.responsibleUnit,
      m.partners.map((p) => p.name).join(" | "),
      m.startYear,
      m.endYear,
      statusNames[m.status],
      m.progress ?? "",
      ...years.map((y) => m.costByYear.find((c) => c.year === y)?.municipalNok ?? 0),
      ...years.map((y) => m.costByYear.find((c) => c.year === y)?.externalNok ?? 0),
      m.isExample ? "ja" : "nei",
      plan.budgetYear,
      plan.revision,
      measureUrl(m.reference),
    ]),
  );
  return toCsv(header, rows);
}
