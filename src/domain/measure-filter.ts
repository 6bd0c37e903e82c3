import type { MeasureStatus, PartnerRole } from "./measures.ts";
import { compareReferences } from "./plan-tree.ts";

/** What the measure table filters, searches and sorts on. */
export type FilterableMeasure = {
  reference: string;
  title: string;
  searchText: string;
  focusAreaId: string;
  focusAreaTitle: string;
  status: MeasureStatus;
  progress: number | null;
  ownerUserId: string | null;
  ownerName: string | null;
  partners: { id: string; name: string; role: PartnerRole }[];
  tags: string[];
};

export const measureSorts = ["reference", "title", "focusArea", "status", "progress"] as const;
export type MeasureSort = (typeof measureSorts)[number];

export type MeasureFilter = {
  q?: string;
  focusAreaId?: string;
  status?: MeasureStatus;
  ownerUserId?: string;
  organisationId?: string;
  tag?: string;
  sort?: MeasureSort;
  descending?: boolean;
};

/** Norwegian-aware folding: case and Unicode form do not matter; æ, ø and å stay letters of their own. */
export const foldForSearch = (text: string) => text.normalize("NFC").toLocaleLowerCase("nb");

const collator = new Intl.Collator("nb", { sensitivity: "base", numeric: true });
const statusOrder: MeasureStatus[] = ["planned", "in_progress", "delayed", "completed", "stopped"];

/** Every word of the query must occur somewhere in the measure (title, description, partners …). */
export function matchesQuery(measure: FilterableMeasure, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(
    [
      measure.reference,
      measure.title,
      measure.searchText,
      measure.focusAreaTitle,
      measure.ownerName ?? "",
      ...measure.partners.map((p) => p.name),
      ...measure.tags,
    ].join("\n"),
  );
  return words.every((word) => haystack.includes(word));
}

export function filterMeasures<T extends FilterableMeasure>(measures: T[], filter: MeasureFilter): T[] {
  const tag = filter.tag ? foldForSearch(filter.tag) : undefined;
  const result = measures.filter(
    (m) =>
      (!filter.focusAreaId || m.focusAreaId === filter.focusAreaId) &&
      (!filter.status || m.status === filter.status) &&
      (!filter.ownerUserId || m.ownerUserId === filter.ownerUserId) &&
      (!filter.organisationId || m.partners.some((p) => p.id === filter.organisationId)) &&
      (!tag || m.tags.some((t) => foldForSearch(t) === tag)) &&
      (!filter.q || matchesQuery(m, filter.q)),
  );
  const compare = comparators[filter.sort ?? "reference"];
  result.sort((a, b) => compare(a, b) || compareReferences(a.reference, b.reference));
  return filter.descending ? result.reverse() : result;
}

const comparators: Record<MeasureSort, (a: FilterableMeasure, b: FilterableMeasure) => number> = {
  reference: (a, b) => compareReferences(a.reference, b.reference),
  title: (a, b) => collator.compare(a.title, b.title),
  focusArea: (a, b) => collator.compare(a.focusAreaTitle, b.focusAreaTitle),
  status: (a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status),
  progress: (a, b) => (a.progress ?? -1) - (b.progress ?? -1),
};

/** The next free reference: T-001, T-002 …; numbers are never reused, whatever was deleted. */
export function nextReference(existing: string[], prefix = "T-"): string {
  const numbers = existing
    .filter((r) => r.startsWith(prefix))
    .map((r) => Number.parseInt(r.slice(prefix.length), 10))
    .filter(Number.isFinite);
  const next = (numbers.length === 0 ? 0 : Math.max(...numbers)) + 1;
  return `${prefix}${String(next).padStart(3, "0")}`;
}
