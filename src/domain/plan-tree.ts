import { type Nok, sumNok } from "./money.ts";

export type TreeGoal = { id: string; title: string; description: string; position: number };
export type TreeFocusArea = { id: string; title: string; description: string; position: number };
export type TreeMeasure = {
  reference: string;
  title: string;
  focusAreaId: string;
  goalIds: string[];
  responsibleUnit: string;
  startYear: number;
  endYear: number;
  isExample: boolean;
  costs: { year: number; kind: "municipal" | "external"; amountNok: Nok }[];
};

export type MeasureSummary = Omit<TreeMeasure, "costs"> & {
  costByYear: { year: number; municipalNok: Nok; externalNok: Nok }[];
  totalMunicipalNok: Nok;
  totalExternalNok: Nok;
};

export type PlanTree = {
  goals: (TreeGoal & { focusAreas: (TreeFocusArea & { measures: MeasureSummary[] })[] })[];
  focusAreas: (TreeFocusArea & { goalIds: string[]; measures: MeasureSummary[] })[];
};

/** "T-2" sorts before "T-10". */
export const compareReferences = (a: string, b: string) => a.localeCompare(b, "nb", { numeric: true });

export function summariseMeasure(measure: TreeMeasure): MeasureSummary {
  const { costs, ...rest } = measure;
  const years = [...new Set(costs.map((c) => c.year))].sort((a, b) => a - b);
  const amounts = (year: number | null, kind: "municipal" | "external") =>
    sumNok(
      costs.filter((c) => (year === null || c.year === year) && c.kind === kind).map((c) => c.amountNok),
    );
  return {
    ...rest,
    costByYear: years.map((year) => ({
      year,
      municipalNok: amounts(year, "municipal"),
      externalNok: amounts(year, "external"),
    })),
    totalMunicipalNok: amounts(null, "municipal"),
    totalExternalNok: amounts(null, "external"),
  };
}

/**
 * Builds goal → focus area → measure. A focus area stands under every goal it is linked to; under a
 * goal it lists the measures of that focus area that serve that goal. Every measure also appears once
 * in the flat focus-area list, so nothing is hidden when a measure names no goal.
 */
export function buildPlanTree(input: {
  goals: TreeGoal[];
  focusAreas: TreeFocusArea[];
  links: { goalId: string; focusAreaId: string }[];
  measures: TreeMeasure[];
}): PlanTree {
  const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;
  const measures = input.measures
    .map(summariseMeasure)
    .sort((a, b) => compareReferences(a.reference, b.reference));
  const focusAreas = [...input.focusAreas].sort(byPosition);
  const goals = [...input.goals].sort(byPosition);

  return {
    goals: goals.map((goal) => ({
      ...goal,
      focusAreas: focusAreas
        .filter((fa) => input.links.some((l) => l.goalId === goal.id && l.focusAreaId === fa.id))
        .map((fa) => ({
          ...fa,
          measures: measures.filter((m) => m.focusAreaId === fa.id && m.goalIds.includes(goal.id)),
        })),
    })),
    focusAreas: focusAreas.map((fa) => ({
      ...fa,
      goalIds: input.links.filter((l) => l.focusAreaId === fa.id).map((l) => l.goalId),
      measures: measures.filter((m) => m.focusAreaId === fa.id),
    })),
  };
}
