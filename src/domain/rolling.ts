import { financialPlanPeriod } from "./cycle.ts";
import type { MeasureStatus } from "./measures.ts";

export type EvaluationRecommendation = "continue" | "adjust" | "scale_up" | "stop";

export type MeasureToRoll = {
  measureId: string;
  reference: string;
  status: MeasureStatus;
  endYear: number;
  recommendation?: EvaluationRecommendation | null;
  costs: { year: number; fundingSourceId: string; amountNok: number }[];
};

export type RollingPlan = {
  budgetYear: number;
  carried: {
    measureId: string;
    costs: MeasureToRoll["costs"];
    /** «Må vurderes» and why. */
    reviewNote: string;
  }[];
  left: { measureId: string; reference: string; why: string }[];
};

/**
 * THE rolling rules, from an adopted cycle of budget year Y to the draft of Y+1:
 * - completed and stopped measures stay in history and are not carried over;
 * - a measure whose period ended before Y+1 is not carried over;
 * - an evaluation recommending «stopp» is not carried over;
 * - everything else carries over as a new version of the same measure, with the costs of the years
 *   still inside the new period (Y+1 … Y+4); the new last year starts empty;
 * - every carried measure is flagged «må vurderes» (the new year's costs need a look), an «juster»
 *   recommendation says so in the note.
 */
export function planRolling(fromBudgetYear: number, measures: MeasureToRoll[]): RollingPlan {
  const budgetYear = fromBudgetYear + 1;
  const period = financialPlanPeriod(budgetYear);
  const carried: RollingPlan["carried"] = [];
  const left: RollingPlan["left"] = [];
  for (const m of measures) {
    const why =
      m.status === "completed"
        ? "fullført"
        : m.status === "stopped"
          ? "stoppet"
          : m.endYear < budgetYear
            ? `perioden sluttet ${m.endYear}`
            : m.recommendation === "stop"
              ? "evalueringen anbefalte stopp"
              : null;
    if (why) {
      left.push({ measureId: m.measureId, reference: m.reference, why });
      continue;
    }
    const notes = [`Nytt år i perioden (${period.endYear}) mangler kostnader.`];
    if (m.recommendation === "adjust") notes.unshift("Evalueringen anbefalte å justere tiltaket.");
    carried.push({
      measureId: m.measureId,
      costs: m.costs.filter((c) => c.year >= period.startYear && c.year <= period.endYear),
      reviewNote: notes.join(" "),
    });
  }
  return { budgetYear, carried, left };
}
