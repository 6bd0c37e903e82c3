import { readFileSync } from "node:fs";
import { StatisticsFileError } from "../src/domain/statistics/table.ts";

/** Helpers shared by the tests of the statistics readers (src/domain/statistics). */
export const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/indicators/${name}`, import.meta.url), "utf8");

/** Municipality numbers that exist, with their id (null: not in the database). */
export const known = new Map<string, string | null>([
  ["3301", "id-drammen"],
  ["3312", null],
  ["3303", "id-kongsberg"],
]);

/** The message of the StatisticsFileError that `fn` throws. */
export const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatisticsFileError) return error.message;
    throw error;
  }
  throw new Error("no error");
};

/** Text written in Windows-1252, byte for byte, as Excel on a Norwegian PC saves «CSV (semikolondelt)». */
export function windows1252(text: string): Uint8Array {
  const table: Record<string, number> = { "€": 0x80, "–": 0x96, "—": 0x97, "‰": 0x89 };
  return Uint8Array.from(
    [...text].map((c) => table[c] ?? (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f)),
  );
}
