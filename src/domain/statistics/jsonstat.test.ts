import { describe, expect, it } from "vitest";
import { fixture, known, problemsOf } from "../../../test/statistics.ts";
import { readJsonStat, readJsonStatText } from "./jsonstat.ts";
import { mapTable, suggestMapping } from "./mapping.ts";

describe("readJsonStat 2.0", () => {
  const table = readJsonStatText(fixture("sysselsatte-2.0.json"));

  it("reads dimensions with labels, roles, and units of the content", () => {
    expect(table.version).toBe("2.0");
    expect(table.label).toContain("07984");
    expect(table.dimensions.map((d) => [d.id, d.label, d.role, d.categories.length])).toEqual([
      ["Region", "region", "geo", 3],
      ["NACE2007", "næring (SN2007)", null, 2],
      ["ContentsCode", "statistikkvariabel", "metric", 1],
      ["Tid", "år", "time", 2],
    ]);
    expect(table.dimensions[2]?.categories[0]).toEqual({
      code: "Sysselsatte",
      label: "Sysselsatte personer",
      unit: "personer",
      decimals: 0,
    });
  });
});

describe("readJsonStat 1.x", () => {
  it("reads a bundle with quarters, decimals, status array and a missing value", () => {
    const table = readJsonStatText(fixture("ledighet-1.x.json"));
    expect(table.version).toBe("1.x");
    expect(table.label).toBe("Registrerte helt ledige, prosent av arbeidsstyrken");
    const result = mapTable(table, suggestMapping(table), known);
    expect(result.problems).toEqual([]);
    expect(result.unit).toBe("prosent");
    expect(result.decimals).toBe(1);
    expect(result.rows.map((r) => [r.regionNumber, r.period, r.value, r.status])).toEqual([
      ["3301", "2024K3", 2.4, null],
      ["3301", "2024K4", 2.6, null],
      ["3301", "2025K1", null, ":"],
      ["3303", "2024K3", 1.9, null],
      ["3303", "2024K4", 2.1, null],
      ["3303", "2025K1", 2, null],
    ]);
  });

  it("reads a single 1.x dataset without bundle, and sparse values as null", () => {
    const table = readJsonStat({
      dimension: {
        id: ["region", "tid"],
        size: [1, 3],
        role: { geo: ["region"], time: ["tid"] },
        region: { category: { index: ["3301"] } },
        tid: { category: { index: ["2021", "2022", "2023"] } },
      },
      value: { "0": 1, "2": 3 },
    });
    const result = mapTable(table, suggestMapping(table), known);
    expect(result.rows.map((r) => r.value)).toEqual([1, null, 3]);
  });
});

describe("bad JSON-stat files get a clear error", () => {
  const base = () => JSON.parse(fixture("sysselsatte-2.0.json"));
  it("not JSON, not JSON-stat", () => {
    expect(problemsOf(() => readJsonStatText("region;år\n3301;2"))).toBe(
      "Filen er ikke JSON-stat: den er ikke gyldig JSON.",
    );
    expect(problemsOf(() => readJsonStat({ hello: "world" }))).toBe(
      "Filen er ikke JSON-stat: den har verken «dataset»-klasse, dimensjoner eller verdier.",
    );
    expect(problemsOf(() => readJsonStat([1, 2]))).toBe(
      "Filen er ikke JSON-stat: den inneholder ikke et JSON-objekt.",
    );
  });
  it("sizes not matching the number of values", () => {
    const file = base();
    file.value.pop();
    expect(problemsOf(() => readJsonStat(file))).toBe(
      "Størrelsene (3 × 2 × 1 × 2 = 12) passer ikke med antall verdier (11).",
    );
  });
  it("a size that does not match the categories, and a dimension that is not described", () => {
    const file = base();
    file.size[1] = 3;
    file.id[3] = "Aar";
    expect(problemsOf(() => readJsonStat(file))).toBe(
      "Dimensjonen «NACE2007» har størrelse 3 i «size», men 2 kategorier. Dimensjonen «Aar» står i «id», men er ikke beskrevet i «dimension». Størrelsene (3 × 3 × 1 × 2 = 18) passer ikke med antall verdier (12).",
    );
  });
  it("a value that is not a number", () => {
    const file = base();
    file.value[3] = "1 200";
    expect(problemsOf(() => readJsonStat(file))).toBe("Verdi nr. 4 («1 200») er ikke et tall.");
  });
});
