import { sumNok } from "./money.ts";

/** One measure as it stands in one action plan version, flattened for comparing. */
export type MeasureSnapshot = {
  reference: string;
  title: string;
  fields: Record<string, unknown>;
  /** Municipal cost per year. */
  costByYear: Record<number, number>;
};

export type FieldChange = { field: string; before: unknown; after: unknown };

export type Comparison = {
  added: MeasureSnapshot[];
  removed: MeasureSnapshot[];
  changed: { reference: string; title: string; changes: FieldChange[] }[];
  unchanged: number;
  totals: { year: number; before: number; after: number; difference: number }[];
};

const canonical = (v: unknown) =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

/**
 * What changed from one action plan version to another: measures added and removed (by reference:
 * the identity survives rollings), and for the rest every field that differs, costs per year
 * included (only years both versions plan for, so a period moving on is not a change of every
 * measure); with municipal totals per year for all years.
 */
export function compareVersions(
  before: MeasureSnapshot[],
  after: MeasureSnapshot[],
  /** Years whose costs are compared per measure: those both versions plan for (their periods' overlap). */
  costYears?: number[],
): Comparison {
  const beforeBy = new Map(before.map((m) => [m.reference, m]));
  const afterBy = new Map(after.map((m) => [m.reference, m]));
  const byReference = (a: MeasureSnapshot, b: MeasureSnapshot) =>
    a.reference.localeCompare(b.reference, "nb", { numeric: true });
  const changed: Comparison["changed"] = [];
  let unchanged = 0;
  for (const a of [...after].sort(byReference)) {
    const b = beforeBy.get(a.reference);
    if (!b) continue;
    const changes: FieldChange[] = [];
    const fields = new Set([...Object.keys(b.fields), ...Object.keys(a.fields)]);
    for (const field of fields) {
      if (canonical(b.fields[field]) !== canonical(a.fields[field])) {
        changes.push({ field, before: b.fields[field] ?? null, after: a.fields[field] ?? null });
      }
    }
    const years = costYears ?? [
      ...new Set([...Object.keys(b.costByYear), ...Object.keys(a.costByYear)].map(Number)),
    ];
    for (const year of [...years].sort()) {
      const x = b.costByYear[year] ?? 0;
      const y = a.costByYear[year] ?? 0;
      if (x !== y) changes.push({ field: `cost:${year}`, before: x, after: y });
    }
    if (changes.length > 0) changed.push({ reference: a.reference, title: a.title, changes });
    else unchanged++;
  }
  const years = [
    ...new Set([...before, ...after].flatMap((m) => Object.keys(m.costByYear).map(Number))),
  ].sort();
  const total = (list: MeasureSnapshot[], year: number) => sumNok(list.map((m) => m.costByYear[year] ?? 0));
  return {
    added: after.filter((m) => !beforeBy.has(m.reference)).sort(byReference),
    removed: before.filter((m) => !afterBy.has(m.reference)).sort(byReference),
    changed,
    unchanged,
    totals: years.map((year) => {
      const b = total(before, year);
      const a = total(after, year);
      return { year, before: b, after: a, difference: a - b };
    }),
  };
}
