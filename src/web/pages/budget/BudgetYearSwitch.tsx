import { Link as DsLink } from "@digdir/designsystemet-react";
import { Link } from "react-router";
import { defaultBudgetYear } from "../../../domain/year-model.ts";
import type { CycleResponse } from "../../../http/routes/cycles.ts";
import { useBudgetMessages } from "../../i18n/budget-messages.ts";

const isAdopted = (c: CycleResponse) => c.actionPlans.some((a) => a.status === "adopted");

/**
 * The cycle /budsjett shows: `?aar=` when it names one, else the plan in preparation by the year
 * model (ADR 0009), else the newest. Cycles come newest first. Undefined when `aar` names none.
 */
export function chooseBudgetCycle(cycles: CycleResponse[], aar: string | null): CycleResponse | undefined {
  if (aar) return cycles.find((c) => String(c.budgetYear) === aar);
  const year = defaultBudgetYear(cycles, "planning");
  return cycles.find((c) => c.budgetYear === year) ?? cycles[0];
}

/** Links to each cycle's budget (`?aar=`): works without script, the current one marked. */
export function BudgetYearSwitch({ cycles, shown }: { cycles: CycleResponse[]; shown: number | null }) {
  const { b } = useBudgetMessages();
  if (cycles.length < 2) return null;
  return (
    <nav aria-label={b("budget.yearSwitch")} data-testid="budget-year-switch">
      <ul
        className="pv-inline-list"
        style={{
          display: "flex",
          flexWrap: "wrap",
          gap: "var(--ds-size-4)",
          listStyle: "none",
          padding: 0,
          margin: 0,
        }}
      >
        {cycles.map((c) => (
          <li key={c.id}>
            <DsLink asChild>
              <Link
                to={`/budsjett?aar=${c.budgetYear}`}
                aria-current={c.budgetYear === shown ? "page" : undefined}
                style={c.budgetYear === shown ? { fontWeight: 600, textDecoration: "none" } : undefined}
              >
                {b("budget.yearOption", { year: c.budgetYear })} (
                {b(isAdopted(c) ? "budget.yearAdopted" : "budget.yearDraft")})
              </Link>
            </DsLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
