import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ImportMapping,
  mapTable,
  matchRegionCode,
  parseNorwegianNumber,
  periodYear,
  readCsv,
  readJsonStat,
  readJsonStatText,
  StatisticsFileError,
  type StatTable,
  suggestMapping,
} from "./statistics-table.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/indicators/${name}`, import.meta.url), "utf8");
const known = new Map<string, string | null>([
  ["3301", "id-drammen"],
  ["3312", null],
  ["3303", "id-kongsberg"],
]);
const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatisticsFileError) return error.message;
    throw error;
  }
  throw new Error("no error");
};

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

describe("small rules", () => {
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
  it("reads Norwegian numbers and period years", () => {
    expect(parseNorwegianNumber("1 234,5")).toBe(1234.5);
    expect(parseNorwegianNumber("1.234,5")).toBe(1234.5);
    expect(parseNorwegianNumber("−3,2")).toBe(-3.2);
    expect(parseNorwegianNumber("12.5")).toBe(12.5);
    expect(parseNorwegianNumber("abc")).toBeNull();
    expect(periodYear("2023K1")).toBe(2023);
    expect(periodYear("2023M04")).toBe(2023);
    expect(periodYear("x")).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: whatever the file holds, the readers either read it or refuse it with the domain's
// own error (a Norwegian message), never anything else; and what they read is consistent.

/** Reads, and checks that a refusal is a StatisticsFileError with a short Norwegian message. */
function readOrRefuse(read: () => StatTable): StatTable | null {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof StatisticsFileError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message.length).toBeLessThan(5000);
    return null;
  }
}

/** A table that was read visits exactly cellCount cells, each inside its dimensions. */
function consistent(table: StatTable) {
  let visited = 0;
  table.forEachCell((coords, value, status) => {
    visited++;
    expect(coords.length).toBe(table.dimensions.length);
    coords.forEach((c, d) => {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThan(table.dimensions[d]?.categories.length ?? 0);
    });
    expect(value === null || Number.isFinite(value)).toBe(true);
    expect(status === null || typeof status === "string").toBe(true);
  });
  expect(visited).toBe(table.cellCount);
}

const smallSize = fc.oneof(
  fc.integer({ min: 0, max: 4 }),
  fc.constantFrom(-1, 1.5, 1e6, 1e308, Number.NaN, "2", null),
);
const code = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("3301", "3312", "2023", "0", "__proto__"));
/** Something shaped like JSON-stat 2.0 or 1.x, right or wrong in every part. */
const jsonStatLike = fc
  .record({
    ids: fc.uniqueArray(code, { maxLength: 4 }),
    sizes: fc.array(smallSize, { maxLength: 5 }),
    categories: fc.array(fc.array(code, { maxLength: 5 }), { maxLength: 5 }),
    asObject: fc.boolean(),
    values: fc.oneof(
      fc.array(fc.oneof(fc.double(), fc.constant(null), fc.string({ maxLength: 3 })), { maxLength: 40 }),
      fc.dictionary(
        fc.oneof(fc.nat({ max: 60 }).map(String), fc.string({ maxLength: 3 })),
        fc.oneof(fc.double(), fc.constant(null)),
      ),
      fc.anything({ maxDepth: 2 }),
    ),
    status: fc.option(
      fc.oneof(
        fc.array(fc.oneof(fc.constantFrom(".", "..", null), fc.integer()), { maxLength: 20 }),
        fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.constantFrom(".", ":"), fc.integer())),
        fc.string({ maxLength: 3 }),
        fc.integer(),
      ),
    ),
    version: fc.constantFrom("2.0", "1.x"),
  })
  .map(({ ids, sizes, categories, asObject, values, status, version }) => {
    const dimension: Record<string, unknown> = {};
    ids.forEach((id, i) => {
      const cats = categories[i] ?? [];
      dimension[id] = {
        label: `Dimensjon ${id}`,
        category: {
          index: asObject ? Object.fromEntries(cats.map((c, j) => [c, j])) : cats,
          label: Object.fromEntries(cats.map((c) => [c, `Navn ${c}`])),
        },
      };
    });
    if (version === "2.0")
      return { version: "2.0", class: "dataset", id: ids, size: sizes, dimension, value: values, status };
    return { dataset: { dimension: { ...dimension, id: ids, size: sizes }, value: values, status } };
  });

/** A valid 2.0 dataset of random shape and values (so the property also reaches the reading). */
const validJsonStat = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })
  .chain((sizes) => {
    const n = sizes.reduce((a, b) => a * b, 1);
    return fc.record({
      sizes: fc.constant(sizes),
      values: fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), {
        minLength: n,
        maxLength: n,
      }),
    });
  })
  .map(({ sizes, values }) => {
    const ids = sizes.map((_, i) => `d${i}`);
    return {
      version: "2.0",
      class: "dataset",
      id: ids,
      size: sizes,
      dimension: Object.fromEntries(
        ids.map((id, i) => [
          id,
          { category: { index: Array.from({ length: sizes[i] as number }, (_, j) => `${id}c${j}`) } },
        ]),
      ),
      value: values,
    };
  });

const csvCell = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("3301 Drammen", "2023", "1 234,5", "..", ":", '"', '"a;b"', "", "-3,2", "NaN", "1e309"),
);
const csvLike = fc
  .tuple(
    fc.constantFrom(";", ",", "\t", "|"),
    fc.array(fc.array(csvCell, { minLength: 0, maxLength: 5 }), { maxLength: 12 }),
    fc.constantFrom("\n", "\r\n"),
    fc.boolean(),
  )
  .map(([sep, rows, eol, bom]) => (bom ? "\uFEFF" : "") + rows.map((r) => r.join(sep)).join(eol));

describe("properties: the statistics readers never fail with anything but their own clear refusal", () => {
  const runs = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) };

  it("arbitrary text into the JSON-stat and CSV readers", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.json(), csvLike), (text) => {
        const json = readOrRefuse(() => readJsonStatText(text));
        if (json) consistent(json);
        const csvTable = readOrRefuse(() => readCsv(text));
        if (csvTable) consistent(csvTable);
      }),
      runs,
    );
  });

  it("any JSON value, and JSON-stat-shaped values wrong in every part, into the JSON-stat reader", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), jsonStatLike, validJsonStat), (raw) => {
        const table = readOrRefuse(() => readJsonStat(raw));
        if (table) {
          consistent(table);
          // Mapping what was read gives rows or problems, never an exception.
          const mapped = mapTable(table, suggestMapping(table), known);
          expect(Array.isArray(mapped.problems)).toBe(true);
        }
      }),
      runs,
    );
  });

  it("a valid dataset is always read, with its values in order", () => {
    fc.assert(
      fc.property(validJsonStat, (raw) => {
        const table = readJsonStat(raw);
        const seen: (number | null)[] = [];
        table.forEachCell((_c, value) => seen.push(value));
        expect(seen).toEqual(raw.value.map((v) => (Object.is(v, -0) ? -0 : v)));
      }),
      runs,
    );
  });

  it("CSV-shaped text of every separator, quote and number into the CSV reader", () => {
    fc.assert(
      fc.property(csvLike, (text) => {
        const table = readOrRefuse(() => readCsv(text));
        if (table) {
          consistent(table);
          expect(table.dimensions.length).toBeGreaterThanOrEqual(1);
        }
      }),
      runs,
    );
  });
});
