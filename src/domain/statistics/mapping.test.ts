import { describe, expect, it } from "vitest";
import { fixture, known } from "../../../test/statistics.ts";
import { readJsonStatText } from "./jsonstat.ts";
import { type ImportMapping, mapTable, matchRegionCode, suggestMapping } from "./mapping.ts";

describe("mapping a JSON-stat 2.0 table to series", () => {
  const table = readJsonStatText(fixture("sysselsatte-2.0.json"));

  it("maps values to the right region, time and category, keeping null and status", () => {
    const result = mapTable(table, suggestMapping(table), known);
    expect(result.problems).toEqual([]);
    expect(result.unit).toBe("personer");
    expect(result.decimals).toBe(0);
    expect(result.rows).toHaveLength(12);
    const find = (region: string, category: string, period: string) =>
      result.rows.find((r) => r.regionCode === region && r.category === category && r.period === period);
    expect(find("K-3301", "F", "2022")).toMatchObject({
      value: 5200,
      regionNumber: "3301",
      regionMunicipalityId: "id-drammen",
      categoryLabel: "Bygge- og anleggsvirksomhet",
      content: "Sysselsatte",
    });
    expect(find("K-3312", "C", "2023")).toMatchObject({ value: null, status: "..", regionNumber: "3312" });
    expect(find("0", "F", "2023")).toMatchObject({
      value: 251500,
      regionNumber: "0",
      regionMunicipalityId: null,
      regionLabel: "Hele landet",
    });
  });

  it("keeps only the chosen categories", () => {
    const mapping: ImportMapping = {
      ...suggestMapping(table),
      selections: { ContentsCode: ["Sysselsatte"], NACE2007: ["C"], Region: ["K-3301", "0"] },
    };
    const result = mapTable(table, mapping, known);
    expect(result.rows.map((r) => `${r.regionNumber} ${r.category} ${r.period} ${r.value}`)).toEqual([
      "3301 C 2022 4100",
      "3301 C 2023 4250",
      "0 C 2022 210000",
      "0 C 2023 212000",
    ]);
  });

  it("reports region codes that match no municipality instead of dropping them", () => {
    const result = mapTable(table, suggestMapping(table), new Map([["3301", "x"]]));
    expect(result.unmatchedRegions).toEqual([{ code: "K-3312", label: "Lier" }]);
    expect(result.problems[0]).toBe(
      "1 regionkoder passer ikke til noen kommune: K-3312 Lier. Velg dem bort i regiondimensjonen.",
    );
  });

  it("names an unknown dimension in the mapping, and a dimension that needs one category", () => {
    const unknown = mapTable(table, { ...suggestMapping(table), time: "Aar" }, known);
    expect(unknown.problems).toEqual([
      "Dimensjonen «Aar» (valgt som tid) finnes ikke i datasettet. Det har «Region», «NACE2007», «ContentsCode», «Tid».",
    ]);
    expect(unknown.rows).toEqual([]);
    const open = mapTable(table, { ...suggestMapping(table), category: null, selections: {} }, known);
    expect(open.problems).toEqual(["Velg én kategori i dimensjonen «næring (SN2007)» (den har 2)."]);
    const same = mapTable(table, { ...suggestMapping(table), time: "Region" }, known);
    expect(same.problems).toEqual(["Region, tid, kategori og innhold må være forskjellige dimensjoner."]);
  });
});

describe("region codes", () => {
  it("matches region codes with and without prefix, and the country", () => {
    expect(matchRegionCode("K-3301", known)).toEqual({
      kind: "municipality",
      number: "3301",
      municipalityId: "id-drammen",
    });
    expect(matchRegionCode("3312", known)).toEqual({
      kind: "municipality",
      number: "3312",
      municipalityId: null,
    });
    expect(matchRegionCode("0", known)?.kind).toBe("country");
    expect(matchRegionCode("EAK", known)?.kind).toBe("country");
    expect(matchRegionCode("0602", known)).toBeNull();
    expect(matchRegionCode("F-33", known)).toBeNull();
  });
});
