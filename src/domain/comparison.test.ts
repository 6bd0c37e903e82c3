import { describe, expect, it } from "vitest";
import { compareVersions, type MeasureSnapshot } from "./comparison.ts";

const s = (
  reference: string,
  fields: Record<string, unknown>,
  costByYear: Record<number, number> = {},
): MeasureSnapshot => ({
  reference,
  title: String(fields.title ?? reference),
  fields,
  costByYear,
});

describe("compareVersions", () => {
  it("finds added, removed and changed measures field by field, costs per year included", () => {
    const before = [
      s("T-001", { title: "A", status: "in_progress" }, { 2027: 100, 2028: 100 }),
      s("T-002", { title: "B" }),
    ];
    const after = [
      s("T-001", { title: "A2", status: "in_progress" }, { 2028: 150, 2029: 100 }),
      s("T-003", { title: "C" }),
    ];
    const result = compareVersions(before, after);
    expect(result.added.map((m) => m.reference)).toEqual(["T-003"]);
    expect(result.removed.map((m) => m.reference)).toEqual(["T-002"]);
    expect(result.changed).toEqual([
      {
        reference: "T-001",
        title: "A2",
        changes: [
          { field: "title", before: "A", after: "A2" },
          { field: "cost:2027", before: 100, after: 0 },
          { field: "cost:2028", before: 100, after: 150 },
          { field: "cost:2029", before: 0, after: 100 },
        ],
      },
    ]);
    expect(result.totals).toEqual([
      { year: 2027, before: 100, after: 0, difference: -100 },
      { year: 2028, before: 100, after: 150, difference: 50 },
      { year: 2029, before: 0, after: 100, difference: 100 },
    ]);
  });

  it("sees nothing changed when only the order of lists' keys differs", () => {
    const a = s("T-001", { partners: [{ id: "x", role: "lead" }] });
    const b = s("T-001", { partners: [{ role: "lead", id: "x" }] });
    expect(compareVersions([a], [b])).toMatchObject({ changed: [], unchanged: 1 });
  });
});

describe("compareVersions across a rolling", () => {
  it("compares costs only in the years both versions plan for", () => {
    const before = [s("T-001", { title: "A" }, { 2027: 100, 2028: 100, 2029: 100, 2030: 100 })];
    const after = [s("T-001", { title: "A" }, { 2028: 100, 2029: 100, 2030: 100, 2031: 100 })];
    const result = compareVersions(before, after, [2028, 2029, 2030]);
    expect(result).toMatchObject({ changed: [], unchanged: 1 });
    expect(result.totals.map((t) => t.year)).toEqual([2027, 2028, 2029, 2030, 2031]);
  });
});
