import { Link, Paragraph } from "@digdir/designsystemet-react";
import { Link as RouterLink, useLocation, useSearchParams } from "react-router";
import type { CyclePhase } from "../../domain/cycle.ts";
import type { CycleRole } from "../../domain/year-model.ts";
import { parseYear } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor } from "../i18n/messages.ts";
import { useYearMessages } from "../i18n/year-messages.ts";

export type YearOption = {
  budgetYear: number;
  role: CycleRole;
  status: "draft" | "adopted";
  adoptedOn: string | null;
  phase: CyclePhase;
};

/** The budget year named in the address (`?aar=2027`), if any. */
export function useYearParam(): number | undefined {
  const [params] = useSearchParams();
  return parseYear(params.get("aar"));
}

/** «I gjennomføring: Handlingsplan 2027 (vedtatt 15.12.2026)» and the like. */
export function useYearLabel() {
  const { t, language } = useLanguage();
  const { y } = useYearMessages();
  return (option: YearOption) => {
    const year = option.budgetYear;
    switch (option.role) {
      case "execution":
        return option.adoptedOn
          ? y("year.role.execution", {
              year,
              date: new Intl.DateTimeFormat(localeFor[language], {
                day: "2-digit",
                month: "2-digit",
                year: "numeric",
              }).format(new Date(option.adoptedOn)),
            })
          : y("year.role.executionUndated", { year });
      case "adopted_upcoming":
        return y("year.role.adopted_upcoming", { year });
      case "preparation":
        return y("year.role.preparation", { year, phase: t(`phase.${option.phase}`) });
      default:
        return y(option.status === "draft" ? "year.role.pastDraft" : "year.role.past", { year });
    }
  };
}

/**
 * Which action plan the page shows, and links to the others the person may read (ADR 0009). Plain
 * links with `?aar=`: the choice is in the address, so it works without scripts and can be shared.
 */
export function PlanYearSwitcher({ options, shown }: { options: YearOption[]; shown: YearOption | null }) {
  const { y } = useYearMessages();
  const label = useYearLabel();
  const location = useLocation();
  if (!shown) return null;
  const hrefFor = (year: number) => {
    const params = new URLSearchParams(location.search);
    params.set("aar", String(year));
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label={y("year.nav")} className="pv-year-switcher" data-testid="plan-year-switcher">
      <Paragraph data-size="sm">
        {`${y("year.showing")}: `}
        <strong data-testid="plan-year-shown">{label(shown)}</strong>
      </Paragraph>
      {options.length > 1 && (
        <ul className="pv-year-switcher__list">
          {options.map((option) => {
            const current = option.budgetYear === shown.budgetYear;
            return (
              <li key={option.budgetYear}>
                <Link asChild>
                  <RouterLink to={hrefFor(option.budgetYear)} aria-current={current ? "page" : undefined}>
                    {label(option)}
                  </RouterLink>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
