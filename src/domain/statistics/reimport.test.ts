import { describe, expect, it } from "vitest";
import { compareReimport, mergeByPeriod } from "./reimport.ts";

const v = (regionNumber: string, period: string, value: number | null, status: string | null = null) => ({
  regionNumber,
  regionLabel: `Kommune ${regionNumber}`,
  period,
  category: "",
  categoryLabel: "",
  content: "",
  value,
  status,
});

// The case from the field: 42 values (2019–2024, seven areas) and a new file with 6 (2024 only … and one).
const areas = ["3301", "3303", "3312", "3314", "3316", "3318", "0"];
const years = ["2019", "2020", "2021", "2022", "2023", "2024"];
const current = areas.flatMap((a) => years.map((y) => v(a, y, Number(y) - 2000)));
const incoming = areas.slice(0, 6).map((a, i) => v(a, "2024", i === 0 ? 99 : 24));

describe("comparing a re-import with the current series", () => {
  it("replace: lists what is added, changed and removed, removed first", () => {
    const diff = compareReimport(current, incoming, "replace");
    expect(diff).toMatchObject({ mode: "replace", added: 0, changed: 1, unchanged: 5, removed: 36, kept: 0 });
    expect(diff.missingPeriods).toEqual(["2019", "2020", "2021", "2022", "2023"]);
    expect(diff.examples[0]).toMatchObject({
      kind: "removed",
      regionNumber: "3301",
      period: "2019",
      before: 19,
    });
    expect(diff.examples.find((c) => c.kind === "changed")).toMatchObject({
      regionNumber: "3301",
      period: "2024",
      before: 24,
      after: 99,
    });
  });

  it("merge by period: keeps the periods the file lacks, and replaces the ones it has", () => {
    const diff = compareReimport(current, incoming, "merge");
    // 2024 of «0» is in no row of the new file, and 2024 is in the file: the merge removes it.
    expect(diff).toMatchObject({ mode: "merge", added: 0, changed: 1, unchanged: 5, removed: 1, kept: 35 });
    expect(diff.examples[0]).toMatchObject({ kind: "removed", regionNumber: "0", period: "2024" });
    const merged = mergeByPeriod(current, incoming);
    expect(merged).toHaveLength(35 + 6);
    expect(merged.filter((r) => r.period === "2019")).toHaveLength(7);
  });

  it("a new value, or a new status, is a change; a first import adds everything", () => {
    const diff = compareReimport(
      [v("3301", "2024", null, "..")],
      [v("3301", "2024", null, ":"), v("3301", "2025", 1)],
      "replace",
    );
    expect(diff).toMatchObject({ added: 1, changed: 1, removed: 0 });
    expect(compareReimport([], incoming, "replace")).toMatchObject({
      added: 6,
      removed: 0,
      missingPeriods: [],
    });
  });
});
