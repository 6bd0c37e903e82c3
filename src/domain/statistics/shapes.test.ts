import { describe, expect, it } from "vitest";
import { fixture, known } from "../../../test/statistics.ts";
import { readCsv } from "./csv.ts";
import { readJsonStatText } from "./jsonstat.ts";
import { mapTable, suggestMapping } from "./mapping.ts";
import { normalisePeriod, periodsOf } from "./table.ts";

// Tables in the shapes Statistics Norway's PxWebApi produces, beyond region × time.

const roles = (m: ReturnType<typeof suggestMapping>) => [m.region, m.time, m.category, m.content];
const noDimensionTwice = (m: ReturnType<typeof suggestMapping>) => {
  const named = roles(m).filter((id) => id !== null);
  expect(new Set(named).size).toBe(named.length);
};

describe("statistics as they come", () => {
  it("a national table without a region dimension becomes a series for «Hele landet»", () => {
    const table = readJsonStatText(fixture("kpi-hele-landet-2.0.json"));
    const mapping = suggestMapping(table, known);
    expect(mapping).toMatchObject({ region: null, time: "Tid", content: "ContentsCode", category: null });
    noDimensionTwice(mapping);
    const result = mapTable(table, mapping, known);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.regionNumber, r.regionLabel, r.period, r.value])).toEqual([
      ["0", "Hele landet", "2024M11", 134.6],
      ["0", "Hele landet", "2024M12", 134.8],
      ["0", "Hele landet", "2025M01", 135.4],
    ]);
    expect(result.unit).toBe("indeks");
  });

  it("a one-dimension table gives a clear problem, not a crash, and a suggestion without time", () => {
    const table = readJsonStatText(fixture("befolkning-en-dimensjon-2.0.json"));
    const mapping = suggestMapping(table, known);
    expect(mapping).toMatchObject({ region: "Region", time: null, category: null, content: null });
    const result = mapTable(table, mapping, known);
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      "Datasettet har bare én dimensjon («Region»), og ingen tid: verdiene kan ikke knyttes til år. Last ned tabellen med tid (år) som egen dimensjon eller kolonne.",
    ]);
  });

  it("a CSV with only a region and a value column is read and explained the same way", () => {
    const table = readCsv(fixture("befolkning-region-verdi.csv"));
    const mapping = suggestMapping(table, known);
    expect(mapping).toMatchObject({ region: "region", time: null });
    expect(mapTable(table, mapping, known).problems[0]).toMatch(/bare én dimensjon.*ingen tid/);
  });

  it("takes time from the labels when the codes are not periods («0», «1» labelled «2004», «2005»)", () => {
    const table = readJsonStatText(fixture("folkemengde-tidskoder-2.0.json"));
    const mapping = suggestMapping(table, known);
    noDimensionTwice(mapping);
    const result = mapTable(table, mapping, known);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => `${r.regionNumber} ${r.period} ${r.value}`)).toEqual([
      "3301 2004 57759",
      "3301 2005 58412",
      "3303 2004 22847",
      "3303 2005 23011",
    ]);
  });

  it("reads school years as periods", () => {
    const table = readJsonStatText(fixture("skoleaar-2.0.json"));
    const result = mapTable(table, suggestMapping(table, known), known);
    expect(result.rows.map((r) => r.period)).toEqual(["2023-2024", "2024-2025"]);
  });

  it("with two geographic dimensions, suggests the one whose codes are municipality numbers", () => {
    const table = readJsonStatText(fixture("to-geodimensjoner-2.0.json"));
    const mapping = suggestMapping(table, known);
    expect(mapping.region).toBe("KOKkommuneregion0000");
    expect(mapping.selections.Fylke).toEqual(["33"]);
    noDimensionTwice(mapping);
    const result = mapTable(table, mapping, known);
    expect(result.problems).toEqual([]);
    const at = (number: string, period: string) =>
      result.rows.find((r) => r.regionNumber === number && r.period === period);
    // SSB's symbols: «..» and «:» are missing (null, symbol kept); «-» is nil: 0, symbol kept.
    expect(at("3312", "2024")).toMatchObject({ value: null, status: ".." });
    expect(at("3303", "2023")).toMatchObject({ value: 0, status: "-" });
    expect(at("3303", "2024")).toMatchObject({ value: 89.9, status: ":" });
  });

  it("a CSV «-» is stored as 0 with its symbol, «..» as missing", () => {
    const table = readCsv("region;år;verdi\n3301 Drammen;2023;-\n3301 Drammen;2024;..\n");
    const rows = mapTable(table, suggestMapping(table, known), known).rows;
    expect(rows.map((r) => [r.period, r.value, r.status])).toEqual([
      ["2023", 0, "-"],
      ["2024", null, ".."],
    ]);
  });

  it("never names one dimension twice, whatever the roles say", () => {
    // A table where the file marks one dimension as both geo and time.
    const table = readJsonStatText(
      JSON.stringify({
        version: "2.0",
        class: "dataset",
        id: ["Tid"],
        size: [2],
        role: { geo: ["Tid"], time: ["Tid"] },
        dimension: { Tid: { category: { index: ["2023", "2024"] } } },
        value: [1, 2],
      }),
    );
    noDimensionTwice(suggestMapping(table, known));
  });

  it("recognises the period shapes Statistics Norway uses", () => {
    expect(
      ["2024", "2024K1", "2024Q3", "2024M01", "2024M12", "2023-2024", "2023/2024", "2023-24"].map(
        normalisePeriod,
      ),
    ).toEqual(["2024", "2024K1", "2024K3", "2024M01", "2024M12", "2023-2024", "2023-2024", "2023-2024"]);
    expect(["0", "1", "2024M13", "2024K5", "2023-2025", "Drammen", "20241"].map(normalisePeriod)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const dim = (codes: string[], labels: string[]) => ({
      id: "Tid",
      label: "tid",
      role: "time" as const,
      categories: codes.map((code, i) => ({ code, label: labels[i] as string, unit: null, decimals: null })),
    });
    expect(periodsOf(dim(["0", "1"], ["2004", "2005"]))).toEqual(["2004", "2005"]);
    expect(periodsOf(dim(["2024K1"], ["1. kvartal 2024"]))).toEqual(["2024K1"]);
    expect(periodsOf(dim(["U1", "U2"], ["uke 1", "uke 2"]))).toEqual(["U1", "U2"]);
  });
});
