import ExcelJS from "exceljs";
import type { Cell, ImportProblem } from "../domain/measures-import.ts";
import { AppError } from "../errors.ts";
import { measuresSheetName } from "./action-plan-xlsx.ts";

/** The largest sheet the import accepts (also the route's body limit). */
export const maxImportBytes = 5 * 1024 * 1024;

/** The most an .xlsx file may unpack to: a small file can unpack to gigabytes (a zip bomb). */
export const maxUnpackedBytes = 20 * maxImportBytes;

/**
 * The sum of the sizes a zip archive's entries unpack to, by its central directory (nothing is
 * unpacked); Infinity when the directory cannot be read or needs Zip64 (no sheet of ours does).
 */
export function unpackedSize(file: Buffer): number {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > file.length) return Number.POSITIVE_INFINITY;
  const entries = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) return Number.POSITIVE_INFINITY;
    const size = file.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return total;
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("result" in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return null;
  }
  return null;
}

/**
 * Reads the sheet to import from an .xlsx file: the «Tiltak» sheet, or else the first sheet (a plain
 * sheet made outside Planverk with the same headings). A file that is not an .xlsx workbook gets a
 * clear error.
 */
export async function readImportSheet(
  file: Buffer,
): Promise<{ sheet: string; rows: Cell[][]; problems: ImportProblem[] }> {
  if (file.length > maxImportBytes)
    throw new AppError("validation", `Filen er større enn ${maxImportBytes / 1024 / 1024} MB.`);
  // An .xlsx file is a zip archive: it starts with «PK».
  if (file.length < 4 || file[0] !== 0x50 || file[1] !== 0x4b)
    throw new AppError(
      "validation",
      "Filen er ikke et Excel-regneark (.xlsx). Lagre den som .xlsx og prøv igjen.",
    );
  if (unpackedSize(file) > maxUnpackedBytes)
    throw new AppError(
      "validation",
      `Filen pakkes ut til mer enn ${maxUnpackedBytes / 1024 / 1024} MB, eller er skadet; den kan ikke importeres.`,
    );
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError(
      "validation",
      "Filen kan ikke leses som et Excel-regneark (.xlsx); den kan være skadet.",
    );
  }
  const worksheet = workbook.getWorksheet(measuresSheetName) ?? workbook.worksheets[0];
  if (!worksheet) throw new AppError("validation", "Regnearket har ingen ark.");
  const rows: Cell[][] = [];
  const width = worksheet.columnCount;
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const cells: Cell[] = [];
    for (let col = 1; col <= width; col++) cells.push(cellValue(row.getCell(col).value));
    rows.push(cells);
  }
  return { sheet: worksheet.name, rows, problems: [] };
}
