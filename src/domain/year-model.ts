import type { CyclePhase } from "./cycle.ts";

/**
 * The year model (ADR 0009): several action plans of one plan are alive at once. The role of a
 * cycle says what it is to the people working with the plan today.
 */
export type CycleRole = "execution" | "adopted_upcoming" | "preparation" | "past";

export const cycleRoleOrder: CycleRole[] = ["execution", "adopted_upcoming", "preparation", "past"];

export type CycleForYear = {
  budgetYear: number;
  phase: CyclePhase;
  /** Has at least one adopted action plan version. */
  adopted: boolean;
  /** The adoption date of the newest adopted version (YYYY-MM-DD), if any. */
  adoptedOn: string | null;
};

export type AliveCycle = CycleForYear & { role: CycleRole };

/**
 * The role of every cycle on `today` ("YYYY-MM-DD"). execution: the adopted cycle whose budget year
 * is today's year, else the newest adopted one; adopted_upcoming: adopted and later than the one in
 * execution; preparation: the newest cycle with no adopted version (later than the one in
 * execution); past: everything else. The result keeps the order of the input.
 */
export function cycleRoles<C extends CycleForYear>(cycles: C[], today: string): (C & { role: CycleRole })[] {
  const year = Number(today.slice(0, 4));
  const adopted = cycles.filter((c) => c.adopted);
  const newest = (list: C[]) =>
    list.reduce<C | null>((best, c) => (best === null || c.budgetYear > best.budgetYear ? c : best), null);
  const execution = adopted.find((c) => c.budgetYear === year) ?? newest(adopted);
  const preparation = newest(
    cycles.filter((c) => !c.adopted && (execution === null || c.budgetYear > execution.budgetYear)),
  );
  return cycles.map((c) => {
    const role: CycleRole =
      c === execution
        ? "execution"
        : c === preparation
          ? "preparation"
          : c.adopted && execution !== null && c.budgetYear > execution.budgetYear
            ? "adopted_upcoming"
            : "past";
    return { ...c, role };
  });
}

/**
 * The budget year a view shows when the address names none. Execution work (status, spending,
 * measure owners' measures, the plan tree) → the plan in execution, else the one in preparation;
 * planning work (budget, prioritisation, structure) → the plan in preparation, else the newest.
 */
export function defaultBudgetYear(
  cycles: { budgetYear: number; role: CycleRole }[],
  purpose: "execution" | "planning",
): number | null {
  const withRole = (role: CycleRole) => cycles.find((c) => c.role === role)?.budgetYear ?? null;
  const newest = cycles.reduce<number | null>(
    (n, c) => (n === null || c.budgetYear > n ? c.budgetYear : n),
    null,
  );
  return purpose === "execution"
    ? (withRole("execution") ?? withRole("preparation") ?? newest)
    : (withRole("preparation") ?? newest);
}
