import ExcelJS from "exceljs";
import type { Cell, ImportProblem } from "../domain/measures-import.ts";
import { AppError } from "../errors.ts";
import { measuresSheetName } from "./action-plan-xlsx.ts";

/** The largest sheet the import accepts (also the route's body limit). */
export const maxImportBytes = 5 * 1024 * 1024;

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
