import { useMemo } from "react";
import { useLanguage } from "./language.tsx";
import type { Language } from "./messages.ts";

/** Texts of the rich-text editor: its toolbar, the link form. */
const nb = {
  "rte.toolbar": "Formatering",
  "rte.heading": "Overskrift",
  "rte.subheading": "Underoverskrift",
  "rte.bold": "Fet",
  "rte.italic": "Kursiv",
  "rte.bulletList": "Punktliste",
  "rte.orderedList": "Nummerert liste",
  "rte.link": "Lenke",
  "rte.linkUrl": "Lenkeadresse",
  "rte.linkHint": "Begynner med https://, http:// eller mailto:",
  "rte.linkAdd": "Legg inn lenke",
  "rte.linkRemove": "Fjern lenke",
  "rte.linkBad": "Lenken må begynne med https://, http:// eller mailto:",
  "rte.cancel": "Avbryt",
  "rte.loading": "Laster tekstfeltet …",
};
type RichTextKey = keyof typeof nb;

const nn: Record<RichTextKey, string> = {
  "rte.toolbar": "Formatering",
  "rte.heading": "Overskrift",
  "rte.subheading": "Underoverskrift",
  "rte.bold": "Feit",
  "rte.italic": "Kursiv",
  "rte.bulletList": "Punktliste",
  "rte.orderedList": "Nummerert liste",
  "rte.link": "Lenkje",
  "rte.linkUrl": "Lenkjeadresse",
  "rte.linkHint": "Byrjar med https://, http:// eller mailto:",
  "rte.linkAdd": "Legg inn lenkje",
  "rte.linkRemove": "Fjern lenkja",
  "rte.linkBad": "Lenkja må byrje med https://, http:// eller mailto:",
  "rte.cancel": "Avbryt",
  "rte.loading": "Lastar tekstfeltet …",
};

const en: Record<RichTextKey, string> = {
  "rte.toolbar": "Formatting",
  "rte.heading": "Heading",
  "rte.subheading": "Subheading",
  "rte.bold": "Bold",
  "rte.italic": "Italic",
  "rte.bulletList": "Bulleted list",
  "rte.orderedList": "Numbered list",
  "rte.link": "Link",
  "rte.linkUrl": "Link address",
  "rte.linkHint": "Starts with https://, http:// or mailto:",
  "rte.linkAdd": "Add link",
  "rte.linkRemove": "Remove link",
  "rte.linkBad": "The link must start with https://, http:// or mailto:",
  "rte.cancel": "Cancel",
  "rte.loading": "Loading the text field …",
};

export const richTextMessages: Record<Language, Record<RichTextKey, string>> = { nb, nn, en };

/** The editor's texts in the chosen language. */
export function useRichTextMessages() {
  const { language } = useLanguage();
  return useMemo(() => ({ r: (key: RichTextKey) => richTextMessages[language][key] }), [language]);
}
