import type { SeriesRow } from "./mapping.ts";

// What a re-import does to an indicator's series: which values it adds, changes and removes, and the
// merge that keeps the periods the new file does not have.

/** Replace: the new file is the whole series. Merge: the new file's periods replace those periods only. */
export const reimportModes = ["replace", "merge"] as const;
export type ReimportMode = (typeof reimportModes)[number];

type Value = Pick<
  SeriesRow,
  "regionNumber" | "regionLabel" | "period" | "category" | "categoryLabel" | "content" | "value" | "status"
>;

export type ReimportChange = {
  kind: "added" | "changed" | "removed";
  regionNumber: string;
  regionLabel: string;
  period: string;
  category: string;
  categoryLabel: string;
  before: number | null;
  after: number | null;
};

export type ReimportDiff = {
  mode: ReimportMode;
  added: number;
  changed: number;
  unchanged: number;
  /** Values of the current series that the import removes (none when merging). */
  removed: number;
  /** Values of the current series that a merge keeps because the new file lacks their period. */
  kept: number;
  /** Periods the current series has and the new file lacks: removed when replacing, kept when merging. */
  missingPeriods: string[];
  /** The changes, removals first, at most `limit`. */
  examples: ReimportChange[];
};

const keyOf = (v: Value) => `${v.regionNumber}\u0000${v.period}\u0000${v.category}\u0000${v.content}`;
const sameValue = (a: Value, b: Value) => a.value === b.value && (a.status ?? null) === (b.status ?? null);

const sortPeriods = (periods: Iterable<string>) => [...new Set(periods)].sort((a, b) => a.localeCompare(b));

/** The rows a merge by period saves: all of the new file's, and the current rows of periods it lacks. */
export function mergeByPeriod<T extends Value>(current: readonly T[], incoming: readonly T[]): T[] {
  const periods = new Set(incoming.map((r) => r.period));
  return [...current.filter((r) => !periods.has(r.period)), ...incoming];
}

/** Compares the current series with what an import would save, in the chosen mode. */
export function compareReimport(
  current: readonly Value[],
  incoming: readonly Value[],
  mode: ReimportMode,
  limit = 50,
): ReimportDiff {
  const after = mode === "merge" ? mergeByPeriod(current, incoming) : incoming;
  const before = new Map(current.map((v) => [keyOf(v), v]));
  const afterKeys = new Set(after.map(keyOf));
  const incomingPeriods = new Set(incoming.map((r) => r.period));
  const removedRows = current.filter((v) => !afterKeys.has(keyOf(v)));
  const changes: ReimportChange[] = [];
  let unchanged = 0;
  for (const v of after) {
    const old = before.get(keyOf(v));
    if (old && sameValue(old, v)) unchanged++;
    else changes.push(change(old ? "changed" : "added", v, old?.value ?? null, v.value));
  }
  const removed = removedRows.map((v) => change("removed", v, v.value, null));
  const missingPeriods = sortPeriods(current.map((v) => v.period).filter((p) => !incomingPeriods.has(p)));
  return {
    mode,
    added: changes.filter((c) => c.kind === "added").length,
    changed: changes.filter((c) => c.kind === "changed").length,
    unchanged:
      unchanged - (mode === "merge" ? current.filter((v) => !incomingPeriods.has(v.period)).length : 0),
    removed: removed.length,
    kept: mode === "merge" ? current.filter((v) => !incomingPeriods.has(v.period)).length : 0,
    missingPeriods,
    examples: [...removed, ...changes].slice(0, limit),
  };
}

function change(kind: ReimportChange["kind"], v: Value, before: number | null, after: number | null) {
  return {
    kind,
    regionNumber: v.regionNumber,
    regionLabel: v.regionLabel,
    period: v.period,
    category: v.category,
    categoryLabel: v.categoryLabel,
    before,
    after,
  };
}
