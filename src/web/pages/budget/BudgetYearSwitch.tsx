import { Link as DsLink } from "@digdir/designsystemet-react";
import { Link } from "react-router";
import { defaultBudgetYear } from "../../../domain/year-model.ts";
import type { CycleResponse } from "../../../http/routes/cycles.ts";
import { useYearLabel, type YearOption } from "../../components/PlanYearSwitcher.tsx";

/**
 * The cycle /budsjett shows: `?aar=` when it names one, else the plan in preparation by the year
 * model (ADR 0009), else the newest. Undefined when `aar` names none.
 */
export function chooseBudgetCycle(cycles: CycleResponse[], aar: string | null): CycleResponse | undefined {
  if (aar) return cycles.find((c) => String(c.budgetYear) === aar);
  const year = defaultBudgetYear(cycles, "planning");
  return cycles.find((c) => c.budgetYear === year) ?? cycles[0];
}

/** A cycle as the shared year switcher names it («Under arbeid: Handlingsplan 2028 …»). */
export function yearOptionOf(cycle: CycleResponse): YearOption {
  const adopted = cycle.actionPlans.filter((a) => a.status === "adopted");
  return {
    budgetYear: cycle.budgetYear,
    role: cycle.role,
    status: adopted.length > 0 ? "adopted" : "draft",
    adoptedOn: adopted.at(-1)?.adoptedOn ?? null,
    phase: cycle.phase,
  };
}

/** When `?aar=` names no cycle: what there is, as links (the switcher shows nothing without a plan). */
export function OtherYears({ cycles }: { cycles: CycleResponse[] }) {
  const label = useYearLabel();
  return (
    <ul data-testid="budget-years">
      {cycles.map((c) => (
        <li key={c.id}>
          <DsLink asChild>
            <Link to={`/budsjett?aar=${c.budgetYear}`}>{label(yearOptionOf(c))}</Link>
          </DsLink>
        </li>
      ))}
    </ul>
  );
}
