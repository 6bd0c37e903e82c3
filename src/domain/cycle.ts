/** The phases of one yearly rolling, in order (see "The yearly cycle" in DESIGN.md). */
export const cyclePhases = [
  "innspill",
  "utarbeidelse",
  "rammesak",
  "tilpasning",
  "vedtak",
  "gjennomforing",
  "evaluering",
  "avsluttet",
] as const;
export type CyclePhase = (typeof cyclePhases)[number];

/** A cycle's HØP period: the budget year and the three years after it. */
export function financialPlanPeriod(budgetYear: number): {
  startYear: number;
  endYear: number;
  years: number[];
} {
  const years = [budgetYear, budgetYear + 1, budgetYear + 2, budgetYear + 3];
  return { startYear: budgetYear, endYear: budgetYear + 3, years };
}
