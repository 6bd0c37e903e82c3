import type { nb } from "./catalogue/nb.ts";

/** Interface texts. Plan content (titles, descriptions) is the municipality's own and is not translated. */
export const languages = ["nb", "nn", "en"] as const;
export type Language = (typeof languages)[number];
export const languageCookie = "planverk_lang";

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

export type MessageKey = keyof typeof nb;
type Catalogue = Record<MessageKey, string>;

/** Each language's name in that language, for the language switch (no catalogue needed). */
export const languageNames: Record<Language, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

/**
 * Each language's catalogue is its own chunk, loaded on demand: the first load carries only the
 * language of the page (main.tsx loads it before hydrating; the server before rendering).
 */
const loaders: Record<Language, () => Promise<Catalogue>> = {
  nb: () => import("./catalogue/nb.ts").then((m) => m.nb),
  nn: () => import("./catalogue/nn.ts").then((m) => m.nn),
  en: () => import("./catalogue/en.ts").then((m) => m.en),
};
const catalogues: Partial<Record<Language, Catalogue>> = {};

export async function loadMessages(language: Language): Promise<void> {
  catalogues[language] ??= await loaders[language]();
}

/** Number and money formatting follow the interface language. */
// Nynorsk numbers and dates are written as in bokmål; browsers (Chromium among them) often lack
// "nn-NO" data and would fall back to English formats.
export const localeFor: Record<Language, string> = { nb: "nb-NO", nn: "nb-NO", en: "en-GB" };

export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}) {
  const text = catalogues[language]?.[key];
  // Only a language that was never loaded lands here; the key at least says what is missing.
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
