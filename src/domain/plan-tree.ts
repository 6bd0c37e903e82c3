import type { MeasureStatus } from "./measures.ts";
import { type Nok, sumNok } from "./money.ts";
import { type ProgressRollUp, rollUpProgress } from "./progress.ts";

export type TreeGoal = { id: string; title: string; description: string; position: number; version: number };
export type TreeFocusArea = {
  id: string;
  title: string;
  description: string;
  position: number;
  version: number;
};
export type TreeMeasure = {
  reference: string;
  title: string;
  focusAreaId: string;
  goalIds: string[];
  responsibleUnit: string;
  startYear: number;
  endYear: number;
  isExample: boolean;
  status: MeasureStatus;
  progress: number | null;
  costs: { year: number; kind: "municipal" | "external"; amountNok: Nok }[];
};

export type MeasureSummary = Omit<TreeMeasure, "costs"> & {
  costByYear: { year: number; municipalNok: Nok; externalNok: Nok }[];
  totalMunicipalNok: Nok;
  totalExternalNok: Nok;
};

export type PlanTree = {
  goals: (TreeGoal & {
    rollUp: ProgressRollUp;
    focusAreas: (TreeFocusArea & { rollUp: ProgressRollUp; measures: MeasureSummary[] })[];
  })[];
  focusAreas: (TreeFocusArea & { goalIds: string[]; rollUp: ProgressRollUp; measures: MeasureSummary[] })[];
  /** Measures shown under no goal (no goal named, or their focus area is not linked to it): «Uten samfunnsmål». */
  withoutGoal: { rollUp: ProgressRollUp; measures: MeasureSummary[] };
};

export const emptyRollUp: ProgressRollUp = rollUpProgress([]);

/** "T-2" sorts before "T-10". */
// One collator for all comparisons: building one per call costs more than the sort itself.
const referenceCollator = new Intl.Collator("nb", { numeric: true });
export const compareReferences = (a: string, b: string) => referenceCollator.compare(a, b);

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
 * in the flat focus-area list, and every measure shown under no goal in `withoutGoal` (a plan
 * without goals still shows its measures). Each node carries
 * the progress of the measures it shows, by the one roll-up rule (src/domain/progress.ts).
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

  const byFocusArea = new Map<string, MeasureSummary[]>();
  for (const m of measures) {
    const list = byFocusArea.get(m.focusAreaId);
    if (list) list.push(m);
    else byFocusArea.set(m.focusAreaId, [m]);
  }

  const treeGoals = goals.map((goal) => {
    const serving = measures.filter((m) => m.goalIds.includes(goal.id));
    return {
      ...goal,
      rollUp: rollUpProgress(serving),
      focusAreas: focusAreas
        .filter((fa) => input.links.some((l) => l.goalId === goal.id && l.focusAreaId === fa.id))
        .map((fa) => {
          const listed = serving.filter((m) => m.focusAreaId === fa.id);
          return { ...fa, rollUp: rollUpProgress(listed), measures: listed };
        }),
    };
  });
  const underAGoal = new Set(
    treeGoals.flatMap((g) => g.focusAreas.flatMap((fa) => fa.measures.map((m) => m.reference))),
  );
  const withoutGoal = measures.filter((m) => !underAGoal.has(m.reference));

  return {
    goals: treeGoals,
    withoutGoal: { rollUp: rollUpProgress(withoutGoal), measures: withoutGoal },
    focusAreas: focusAreas.map((fa) => {
      const own = byFocusArea.get(fa.id) ?? [];
      return {
        ...fa,
        goalIds: input.links.filter((l) => l.focusAreaId === fa.id).map((l) => l.goalId),
        rollUp: rollUpProgress(own),
        measures: own,
      };
    }),
  };
}
