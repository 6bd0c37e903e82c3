/** The languages of Planverk. The web app's picker and the server's messages share this list. */
export const languages = ["nb", "nn", "en"] as const;
export type Language = (typeof languages)[number];

/** The cookie the web app sets when a person picks a language. */
export const languageCookie = "planverk_lang";

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

/** Language tags of Accept-Language mapped to ours; «no» (Norwegian, unspecified) reads as bokmål. */
const byPrimaryTag: Record<string, Language> = { nb: "nb", no: "nb", nn: "nn", en: "en" };

/** The best of our languages in an Accept-Language header (quality values respected), if any. */
export function languageFromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...options] = part.trim().split(";");
      const q = options.map((o) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(o)?.[1]).find((v) => v !== undefined);
      const quality = q === undefined ? 1 : Number(q);
      return { language: byPrimaryTag[tag.trim().toLowerCase().split("-")[0] ?? ""], quality, index };
    })
    .filter((r) => r.language !== undefined && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.language;
}

/** The language cookie's value in a Cookie header, if it names one of our languages. */
export function languageFromCookie(header: string | undefined): Language | undefined {
  const match = new RegExp(`(?:^|;\\s*)${languageCookie}=([a-z]{2})`).exec(header ?? "");
  return isLanguage(match?.[1]) ? match[1] : undefined;
}

/** The language a request is answered in: the chosen one (cookie), else the browser's, else bokmål. */
export function requestLanguage(headers: { cookie?: string; acceptLanguage?: string }): Language {
  return languageFromCookie(headers.cookie) ?? languageFromAcceptLanguage(headers.acceptLanguage) ?? "nb";
}
