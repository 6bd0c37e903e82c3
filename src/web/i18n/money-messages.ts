import { useMemo } from "react";
import type { KronerProblem } from "../../domain/kroner-input.ts";
import { useLanguage } from "./language.tsx";
import type { Language } from "./messages.ts";

/** Texts of the money fields: why an amount cannot be read, and how to write it. */
const nb = {
  "money.unreadable": "Skriv beløpet i hele kroner, for eksempel 200 000, 200 000 kr eller 1,5 mill.",
  "money.ambiguous":
    "Uklart beløp. Skriv tusener med mellomrom (1 500 eller 1 500 000) og desimaler bare foran «mill.» eller «mrd.» (1,5 mill.).",
  "money.fraction": "Beløpet må være hele kroner, uten øre. Skriv for eksempel 200 000 eller 1,5 mill.",
  "money.negative": "Beløpet kan ikke være negativt.",
  "money.tooLarge": "Beløpet kan ikke være over 100 000 000 000 kr.",
  "money.hint": "Skriv for eksempel 200 000, 200 000 kr eller 1,5 mill.",
  "money.unknownSum": "Kan ikke summeres før alle beløp er lesbare",
  "money.externalTotal": "Sum ekstern finansiering",
  "money.noSources": "Kommunen har ingen finansieringskilder ennå. De legges inn under Budsjett.",
};
type MoneyKey = keyof typeof nb;

const nn: Record<MoneyKey, string> = {
  "money.unreadable": "Skriv beløpet i heile kroner, til dømes 200 000, 200 000 kr eller 1,5 mill.",
  "money.ambiguous":
    "Uklart beløp. Skriv tusen med mellomrom (1 500 eller 1 500 000) og desimalar berre framfor «mill.» eller «mrd.» (1,5 mill.).",
  "money.fraction": "Beløpet må vere heile kroner, utan øre. Skriv til dømes 200 000 eller 1,5 mill.",
  "money.negative": "Beløpet kan ikkje vere negativt.",
  "money.tooLarge": "Beløpet kan ikkje vere over 100 000 000 000 kr.",
  "money.hint": "Skriv til dømes 200 000, 200 000 kr eller 1,5 mill.",
  "money.unknownSum": "Kan ikkje summerast før alle beløpa er lesbare",
  "money.externalTotal": "Sum ekstern finansiering",
  "money.noSources": "Kommunen har ingen finansieringskjelder enno. Dei blir lagde inn under Budsjett.",
};

const en: Record<MoneyKey, string> = {
  "money.unreadable": "Write the amount in whole kroner, for example 200 000, 200 000 kr or 1,5 mill.",
  "money.ambiguous":
    "Unclear amount. Group thousands with spaces (1 500 or 1 500 000) and use decimals only before «mill.» or «mrd.» (1,5 mill.).",
  "money.fraction": "The amount must be whole kroner, without øre. Write for example 200 000 or 1,5 mill.",
  "money.negative": "The amount cannot be negative.",
  "money.tooLarge": "The amount cannot be over 100 000 000 000 kr.",
  "money.hint": "Write for example 200 000, 200 000 kr or 1,5 mill.",
  "money.unknownSum": "Cannot be summed until every amount can be read",
  "money.externalTotal": "Total external funding",
  "money.noSources": "The municipality has no funding sources yet. They are added under Budget.",
};

export const moneyMessages: Record<Language, Record<MoneyKey, string>> = { nb, nn, en };

/** The money texts in the chosen language. */
export function useMoneyMessages() {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      m: (key: MoneyKey) => moneyMessages[language][key],
      problem: (problem: KronerProblem) => moneyMessages[language][`money.${problem}`],
    }),
    [language],
  );
}
