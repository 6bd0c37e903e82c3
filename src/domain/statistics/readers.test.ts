import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { known } from "../../../test/statistics.ts";
import { readCsv } from "./csv.ts";
import { readJsonStat, readJsonStatText } from "./jsonstat.ts";
import { mapTable, suggestMapping } from "./mapping.ts";
import { StatisticsFileError, type StatTable } from "./table.ts";

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
