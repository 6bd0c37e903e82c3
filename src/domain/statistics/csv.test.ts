import { describe, expect, it } from "vitest";
import { fixture, known, problemsOf } from "../../../test/statistics.ts";
import { parseNorwegianNumber, readCsv } from "./csv.ts";
import { mapTable, suggestMapping } from "./mapping.ts";

describe("readCsv", () => {
  it("reads semicolons, codes with labels, decimal commas and missing symbols", () => {
    const table = readCsv(fixture("nyetableringer.csv"));
    expect(table.dimensions.map((d) => [d.id, d.role, d.categories.map((c) => c.code)])).toEqual([
      ["region", "geo", ["3301", "3312", "0"]],
      ["år", "time", ["2022", "2023"]],
    ]);
    const result = mapTable(table, suggestMapping(table), known);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.regionNumber, r.regionLabel, r.period, r.value, r.status])).toEqual([
      ["3301", "Drammen", "2022", 12.5, null],
      ["3301", "Drammen", "2023", 13.1, null],
      ["3312", "Lier", "2022", 9.8, null],
      ["3312", "Lier", "2023", null, ".."],
      ["0", "Hele landet", "2022", 11, null],
      ["0", "Hele landet", "2023", 11.4, null],
    ]);
  });

  it("reads commas with quoted decimal commas", () => {
    const table = readCsv('kommune,år,verdi\nK-3301,2023,"1 234,5"\nK-3303,2023,7\n');
    const result = mapTable(table, suggestMapping(table), known);
    expect(result.rows.map((r) => [r.regionNumber, r.value])).toEqual([
      ["3301", 1234.5],
      ["3303", 7],
    ]);
  });

  it("reports every bad line with its number and stores nothing", () => {
    expect(problemsOf(() => readCsv("region;år;verdi\n3301;2023;mange\n3301;2024\n3301;2023;4\n"))).toBe(
      "Linje 2: «mange» er ikke et tall. Linje 3: 2 kolonner, men overskriften har 3. Linje 4: samme kombinasjon som linje 2.",
    );
    expect(problemsOf(() => readCsv(""))).toBe("CSV-filen er tom.");
  });
});

describe("numbers", () => {
  it("reads Norwegian numbers", () => {
    expect(parseNorwegianNumber("1 234,5")).toBe(1234.5);
    expect(parseNorwegianNumber("1.234,5")).toBe(1234.5);
    expect(parseNorwegianNumber("−3,2")).toBe(-3.2);
    expect(parseNorwegianNumber("12.5")).toBe(12.5);
    expect(parseNorwegianNumber("abc")).toBeNull();
  });
});
