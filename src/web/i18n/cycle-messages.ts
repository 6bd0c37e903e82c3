import { useMemo } from "react";
import { en } from "./cycle-catalogue/en.ts";
import { nb } from "./cycle-catalogue/nb.ts";
import { nn } from "./cycle-catalogue/nn.ts";
import { useLanguage } from "./language.tsx";
import { type Language, localeFor } from "./messages.ts";

/** Interface texts of the yearly rolling (the catalogues per language are in cycle-catalogue/). */

export type CycleMessageKey = keyof typeof nb;

export const isCycleMessageKey = (key: string): key is CycleMessageKey => Object.hasOwn(nb, key);

export const cycleMessages: Record<Language, Record<CycleMessageKey, string>> = { nb, nn, en };

export function translateCycle(
  language: Language,
  key: CycleMessageKey,
  params: Record<string, string | number> = {},
): string {
  return cycleMessages[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}

/** The yearly rolling's texts in the chosen language. */
export function useCycleMessages() {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      language,
      c: (key: CycleMessageKey, params?: Record<string, string | number>) =>
        translateCycle(language, key, params),
    }),
    [language],
  );
}

/**
 * The locale numbers and dates are formatted in. Nynorsk writes numbers and month names as bokmål
 * does, and Chromium's ICU has no "nn" data (it falls back to en-US: "450,000", "December 15"),
 * so nynorsk formats as nb-NO, the same on the server and in every browser.
 */
export function formatLocale(language: Language): string {
  return language === "nn" ? localeFor.nb : localeFor[language];
}

const dayFormats = {
  long: { day: "numeric", month: "long", year: "numeric" },
  numeric: { day: "2-digit", month: "2-digit", year: "numeric" },
  short: { day: "numeric", month: "short", year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A calendar day ("2026-12-15") as a Date at UTC midnight, so no time zone moves it. */
export function dayToDate(iso: string): Date {
  const [y = 1970, m = 1, d = 1] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Today as a calendar day in the browser's (or server's) own time zone. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "15. desember 2026", "15.12.2026" or "15. des. 2026", in the interface language. */
export function formatDay(iso: string, language: Language, style: keyof typeof dayFormats = "long"): string {
  return new Intl.DateTimeFormat(formatLocale(language), { ...dayFormats[style], timeZone: "UTC" }).format(
    dayToDate(iso),
  );
}

/** "1. jan.–15. mar. 2026": a span of days, the shared parts said once. */
export function formatDayRange(start: string, end: string, language: Language): string {
  return new Intl.DateTimeFormat(formatLocale(language), {
    ...dayFormats.short,
    timeZone: "UTC",
  }).formatRange(dayToDate(start), dayToDate(end));
}
