import { describe, expect, it } from "vitest";
import { fixture, known, problemsOf, windows1252 } from "../../../test/statistics.ts";
import { readCsv } from "./csv.ts";
import { decodeStatisticsBytes, unknownEncodingMessage } from "./encoding.ts";
import { mapTable, suggestMapping } from "./mapping.ts";

const excelCsv =
  "Kommune;År;Verdi\r\n3301 Drammen;2023;12,5\r\n3314 Øvre Eiker;2023;9,75\r\n3312 Lier;2024;-\r\n";

describe("reading a statistics file's bytes", () => {
  it("reads Windows-1252 from Excel on a Norwegian PC: æøå intact, decimal commas, «-» as nil", () => {
    const bytes = windows1252(excelCsv);
    expect(bytes.includes(0xd8)).toBe(true); // «Ø» is one byte, not UTF-8
    const { text, encoding } = decodeStatisticsBytes(bytes);
    expect(encoding).toBe("windows-1252");
    expect(text).toContain("Øvre Eiker");
    expect(text).not.toContain("\uFFFD");
    const table = readCsv(text);
    expect(table.dimensions.map((d) => d.label)).toEqual(["Kommune", "År"]);
    const rows = mapTable(table, suggestMapping(table, known), known);
    expect(rows.unmatchedRegions).toEqual([{ code: "3314", label: "Øvre Eiker" }]);
    const lier = mapTable(
      table,
      { ...suggestMapping(table, known), selections: { Kommune: ["3301", "3312"] } },
      known,
    ).rows;
    expect(lier.map((r) => [r.regionNumber, r.period, r.value, r.status])).toEqual([
      ["3301", "2023", 12.5, null],
      ["3312", "2024", 0, "-"],
    ]);
  });

  it("reads UTF-8 with and without a byte order mark", () => {
    const utf8 = new TextEncoder().encode(excelCsv);
    expect(decodeStatisticsBytes(utf8)).toEqual({ text: excelCsv, encoding: "utf-8" });
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeStatisticsBytes(withBom)).toEqual({ text: excelCsv, encoding: "utf-8-bom" });
    expect(decodeStatisticsBytes(new TextEncoder().encode(fixture("sysselsatte-2.0.json"))).encoding).toBe(
      "utf-8",
    );
  });

  it("refuses what is neither, saying so; a PDF or a spreadsheet is named as such", () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[..."Kommune;År"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(problemsOf(() => decodeStatisticsBytes(utf16))).toBe(unknownEncodingMessage);
    expect(problemsOf(() => decodeStatisticsBytes(Uint8Array.from([0x41, 0x81, 0x42, 0xff])))).toBe(
      unknownEncodingMessage,
    );
    expect(unknownEncodingMessage).toMatch(/verken UTF-8 eller Windows-1252/);
    const pdf = Uint8Array.from([...new TextEncoder().encode("%PDF-1.7\n"), 0xe2, 0xe3, 0xcf, 0xd3]);
    expect(problemsOf(() => decodeStatisticsBytes(pdf))).toMatch(/PDF-fil/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(problemsOf(() => decodeStatisticsBytes(png))).toMatch(/bilde/);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0xff, 0x90]);
    expect(problemsOf(() => decodeStatisticsBytes(zip))).toMatch(/Excel-regneark/);
  });
});
