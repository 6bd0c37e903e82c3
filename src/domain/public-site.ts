import { foldForSearch } from "./measure-filter.ts";

/** Open data licence, stated in every open data answer and on the public pages. */
export const openDataLicence = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/deed.no",
} as const;

export type PublicSearchItem = {
  kind: "goal" | "focus_area" | "measure";
  id: string;
  title: string;
  /** Shown under the title (the snippet comes from it). */
  text: string;
  /** Searched but not shown: e.g. the focus area, the responsible unit and partners of a measure. */
  extra?: string;
};

export type PublicSearchHit = Omit<PublicSearchItem, "extra"> & { snippet: string; score: number };

/**
 * Norwegian search over published content. The text is folded the Norwegian way (case and Unicode
 * form do not matter; æ, ø and å stay letters of their own). Every word of the query must occur in
 * the title or the text; a word matches the start of a word or any part of a longer word, so
 * «næring» finds «Næringsforeningen» and «helsenæring». Hits in the title rank first.
 */
export function searchPublicContent(items: PublicSearchItem[], query: string): PublicSearchHit[] {
  const words = foldForSearch(query)
    .split(/[\s,.;:!?()«»"]+/)
    .filter(Boolean);
  if (words.length === 0) return [];
  const hits: PublicSearchHit[] = [];
  for (const item of items) {
    const title = foldForSearch(item.title);
    const text = foldForSearch(`${item.text}\n${item.extra ?? ""}`);
    if (!words.every((w) => title.includes(w) || text.includes(w))) continue;
    const score = words.filter((w) => title.includes(w)).length * 2 + (item.kind === "measure" ? 0 : 1);
    const { extra: _extra, ...shown } = item;
    const inText = words.find((w) => foldForSearch(item.text).includes(w)) ?? "";
    hits.push({ ...shown, snippet: snippetAround(item.text, inText), score });
  }
  return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, "nb", { numeric: true }));
}

/** A short piece of the text around the first hit of a word (or its start), on word boundaries. */
export function snippetAround(text: string, word: string, length = 160): string {
  const plain = text.replace(/\s+/g, " ").trim();
  if (plain.length <= length) return plain;
  const at = Math.max(0, foldForSearch(plain).indexOf(word));
  let start = Math.max(0, at - Math.floor(length / 3));
  if (start > 0) start = plain.indexOf(" ", start) + 1 || start;
  let end = Math.min(plain.length, start + length);
  if (end < plain.length) end = plain.lastIndexOf(" ", end) > start ? plain.lastIndexOf(" ", end) : end;
  return `${start > 0 ? "… " : ""}${plain.slice(start, end)}${end < plain.length ? " …" : ""}`;
}
