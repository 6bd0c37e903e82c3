import { useMemo } from "react";
import { useLanguage } from "./language.tsx";
import type { Language } from "./messages.ts";

/** Interface texts of the year model: which action plan a view shows (PlanYearSwitcher). */
const nb = {
  "year.nav": "Handlingsplaner",
  "year.showing": "Viser",
  "year.switchTo": "Bytt til",
  "year.role.execution": "I gjennomføring: Handlingsplan {year} (vedtatt {date})",
  "year.role.executionUndated": "I gjennomføring: Handlingsplan {year}",
  "year.role.adopted_upcoming": "Vedtatt, starter 1. januar: Handlingsplan {year}",
  "year.role.preparation": "Under arbeid: Handlingsplan {year} (utkast, fase {phase})",
  "year.role.past": "Tidligere: Handlingsplan {year}",
  "year.role.pastDraft": "Tidligere: Handlingsplan {year} (utkast)",
  "year.withoutGoal": "Uten samfunnsmål",
  "year.withoutGoalIntro": "Tiltak som ikke står under noe samfunnsmål i planen.",
  "year.noGoals":
    "Planen har ingen samfunnsmål ennå. Tiltakene står under «Uten samfunnsmål» til målene er lagt inn.",
  "year.addGoals": "Legg til samfunnsmål",
  "year.measuresIn": "Tiltak i handlingsplan {year}",
};
type YearKey = keyof typeof nb;

const nn: Record<YearKey, string> = {
  "year.nav": "Handlingsplanar",
  "year.showing": "Viser",
  "year.switchTo": "Byt til",
  "year.role.execution": "I gjennomføring: Handlingsplan {year} (vedteken {date})",
  "year.role.executionUndated": "I gjennomføring: Handlingsplan {year}",
  "year.role.adopted_upcoming": "Vedteken, startar 1. januar: Handlingsplan {year}",
  "year.role.preparation": "Under arbeid: Handlingsplan {year} (utkast, fase {phase})",
  "year.role.past": "Tidlegare: Handlingsplan {year}",
  "year.role.pastDraft": "Tidlegare: Handlingsplan {year} (utkast)",
  "year.withoutGoal": "Utan samfunnsmål",
  "year.withoutGoalIntro": "Tiltak som ikkje står under noko samfunnsmål i planen.",
  "year.noGoals":
    "Planen har ingen samfunnsmål enno. Tiltaka står under «Utan samfunnsmål» til måla er lagde inn.",
  "year.addGoals": "Legg til samfunnsmål",
  "year.measuresIn": "Tiltak i handlingsplan {year}",
};

const en: Record<YearKey, string> = {
  "year.nav": "Action plans",
  "year.showing": "Showing",
  "year.switchTo": "Switch to",
  "year.role.execution": "Being carried out: Action plan {year} (adopted {date})",
  "year.role.executionUndated": "Being carried out: Action plan {year}",
  "year.role.adopted_upcoming": "Adopted, starts 1 January: Action plan {year}",
  "year.role.preparation": "In preparation: Action plan {year} (draft, phase {phase})",
  "year.role.past": "Earlier: Action plan {year}",
  "year.role.pastDraft": "Earlier: Action plan {year} (draft)",
  "year.withoutGoal": "Without a societal goal",
  "year.withoutGoalIntro": "Measures that are not under any societal goal of the plan.",
  "year.noGoals":
    "The plan has no societal goals yet. The measures are listed under «Without a societal goal» until goals are added.",
  "year.addGoals": "Add societal goals",
  "year.measuresIn": "Measures in action plan {year}",
};

export const yearMessages: Record<Language, Record<YearKey, string>> = { nb, nn, en };

/** The year model's texts in the chosen language. */
export function useYearMessages() {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      y: (key: YearKey, params: Record<string, string | number> = {}) =>
        yearMessages[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
          String(params[name] ?? `{${name}}`),
        ),
    }),
    [language],
  );
}
