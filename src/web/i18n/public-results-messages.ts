/**
 * Interface texts of the public pages about results: indicators, evaluations, why measures changed,
 * money. Merged into the public catalogue (public-messages.ts); kept apart to keep files small.
 */
export const resultsNb = {
  "site.apiDocs": "Åpne data: API og datakatalog",
  "table.scrollHint": "Tabellen kan rulles sideveis.",
};

export type ResultsMessageKey = keyof typeof resultsNb;

export const resultsNn: Record<ResultsMessageKey, string> = {
  "site.apiDocs": "Opne data: API og datakatalog",
  "table.scrollHint": "Tabellen kan rullast sidevegs.",
};

export const resultsEn: Record<ResultsMessageKey, string> = {
  "site.apiDocs": "Open data: API and data catalogue",
  "table.scrollHint": "The table scrolls sideways.",
};
