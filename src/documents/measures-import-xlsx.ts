import { createInflateRaw, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { Cell, ImportProblem } from "../domain/measures-import.ts";
import { AppError } from "../errors.ts";
import { measuresSheetName } from "./action-plan-xlsx.ts";

/** The largest sheet the import accepts (also the route's body limit). */
export const maxImportBytes = 5 * 1024 * 1024;

/** The most an .xlsx file may unpack to: a small file can unpack to gigabytes (a zip bomb). */
export const maxUnpackedBytes = 20 * maxImportBytes;

/** The most rows and columns the sheet may reach (a plan has dozens of measures, a row per measure). */
export const maxImportRows = 10_000;
export const maxImportColumns = 200;
/** The most cells all sheets together may hold (a plan of 1 000 measures in 30 columns has 30 000). */
export const maxImportCells = 250_000;

/** The most parts (files) an .xlsx zip archive may hold; a workbook has a few dozen. */
export const maxZipEntries = 2_000;

const notXlsx = (file: Buffer) => {
  const start = file.subarray(0, 8).toString("latin1");
  const what = start.startsWith("%PDF")
    ? "pdf"
    : start.startsWith("\x89PNG") || start.startsWith("\xff\xd8\xff")
      ? "image"
      : start.startsWith("\xd0\xcf\x11\xe0")
        ? "oldOffice"
        : null;
  return what
    ? new AppError("validation", "import.fileIsOther", { what: { key: `import.what.${what}` } })
    : new AppError("validation", "import.notXlsx");
};
const tooBig = () =>
  new AppError("validation", "import.unpacksTooLarge", { megabytes: maxUnpackedBytes / 1024 / 1024 });
const damaged = () => new AppError("validation", "import.damaged");

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
};

/** The entries of a zip archive by its central directory; null when it has none that can be read. */
export function zipEntries(file: Buffer): ZipEntry[] | null {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > file.length) return null;
  const count = file.readUInt16LE(end + 10);
  if (count > maxZipEntries)
    throw new AppError("validation", "import.tooManyParts", { count: count.toLocaleString("nb-NO") });
  let at = file.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = file.readUInt16LE(at + 28);
    if (at + 46 + nameLength > file.length) return null;
    entries.push({
      name: file.toString("utf8", at + 46, at + 46 + nameLength),
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      declaredSize: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * The sum of the sizes a zip archive's entries unpack to, by its central directory (nothing is
 * unpacked); Infinity when the directory cannot be read or needs Zip64 (no sheet of ours does).
 */
export function unpackedSize(file: Buffer): number {
  let entries: ZipEntry[] | null;
  try {
    entries = zipEntries(file);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  if (!entries) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (const e of entries) {
    if (e.declaredSize === 0xffffffff || e.compressedSize === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += e.declaredSize;
  }
  return total;
}

/**
 * The bytes a deflated entry really unpacks to, counted as they stream by (never more than `cap`
 * and one chunk is held), and how many rows and cells its XML has.
 */
function inflatedSize(data: Buffer, cap: number): Promise<{ size: number; rows: number; cells: number }> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    const counter = xmlCounter();
    let size = 0;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const result = () => ({ size, rows: counter.rows, cells: counter.cells });
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        inflate.destroy();
        return finish(() => resolve(result()));
      }
      counter.add(chunk);
    });
    inflate.on("end", () => finish(() => resolve(result())));
    inflate.on("error", () => finish(() => reject(damaged())));
    inflate.end(data);
  });
}

/** Counts `<row` and `<c` elements of sheet XML given in chunks (an element may span two). */
function xmlCounter() {
  const count = (text: string, needle: string) => {
    let n = 0;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
    return n;
  };
  let carry = "";
  const counter = {
    rows: 0,
    cells: 0,
    add(chunk: Buffer) {
      const text = carry + chunk.toString("latin1");
      counter.rows += count(text, "<row ") + count(text, "<row>");
      counter.cells += count(text, "<c ") + count(text, "<c>");
      carry = text.slice(-4);
    },
  };
  return counter;
}

/**
 * Everything an uploaded .xlsx must pass before a zip library opens it: a readable zip archive of a
 * bounded number of parts with safe names, that is a workbook (not a Word document, not macros),
 * and that unpacks to at most `maxUnpackedBytes` — by the sizes it declares, and by really
 * unpacking every part (counted, then thrown away), since a forged archive can declare small sizes.
 */
export async function checkXlsxArchive(file: Buffer): Promise<void> {
  const entries = zipEntries(file);
  if (!entries) throw damaged();
  const names = new Set(entries.map((e) => e.name));
  for (const { name } of entries)
    if (
      name.split(/[\\/]/).includes("..") ||
      name.startsWith("/") ||
      name.includes("\\") ||
      /^[a-z]:/i.test(name) ||
      name.includes("\u0000")
    )
      throw new AppError("validation", "import.invalidPartName", { name: name.slice(0, 80) });
  // What the archive declares, before anything is unpacked.
  let declared = 0;
  for (const e of entries) {
    if (e.declaredSize === 0xffffffff || e.compressedSize === 0xffffffff) throw tooBig();
    declared += e.declaredSize;
  }
  if (declared > maxUnpackedBytes) throw tooBig();
  if (names.has("word/document.xml")) throw new AppError("validation", "import.isWord");
  if (names.has("ppt/presentation.xml")) throw new AppError("validation", "import.isPowerPoint");
  if (!names.has("xl/workbook.xml") || !names.has("[Content_Types].xml"))
    throw new AppError("validation", "import.zipNotXlsx");
  let total = 0;
  let rows = 0;
  let cells = 0;
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > file.length || file.readUInt32LE(at) !== 0x04034b50) throw damaged();
    const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
    if (start + e.compressedSize > file.length) throw damaged();
    const data = file.subarray(start, start + e.compressedSize);
    let unpacked: { size: number; rows: number; cells: number };
    if (e.method === 0) {
      const counter = xmlCounter();
      counter.add(data);
      unpacked = { size: data.length, rows: counter.rows, cells: counter.cells };
    } else if (e.method === 8)
      unpacked = await inflatedSize(data, Math.min(e.declaredSize, maxUnpackedBytes - total));
    else throw new AppError("validation", "import.unusualCompression");
    const size = unpacked.size;
    // Counted before a zip library builds every cell in memory: a few MB can hold millions.
    if (e.name.startsWith("xl/worksheets/")) {
      rows = Math.max(rows, unpacked.rows);
      cells += unpacked.cells;
    }
    // A part that unpacks to more than the archive declares is forged (or damaged): refused.
    if (size > e.declaredSize) throw tooBig();
    total += size;
    if (total > maxUnpackedBytes) throw tooBig();
  }
  if (rows > maxImportRows)
    throw new AppError("validation", "import.tooManyRows", {
      rows: rows.toLocaleString("nb-NO"),
      max: maxImportRows.toLocaleString("nb-NO"),
    });
  if (cells > maxImportCells)
    throw new AppError("validation", "import.tooManyCells", {
      cells: cells.toLocaleString("nb-NO"),
      max: maxImportCells.toLocaleString("nb-NO"),
    });
  const types = entries.find((e) => e.name === "[Content_Types].xml");
  if (
    entries.some((e) => /vbaProject/i.test(e.name)) ||
    (types && /macroEnabled/i.test(entryText(file, types)))
  )
    throw new AppError("validation", "import.macros");
}

/** A small part's text (its size already checked against the limits). */
function entryText(file: Buffer, e: ZipEntry): string {
  const at = e.localOffset;
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  const data = file.subarray(start, start + e.compressedSize);
  try {
    return (e.method === 8 ? inflateRawSync(data, { maxOutputLength: 1024 * 1024 }) : data).toString("utf8");
  } catch {
    throw damaged();
  }
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
    throw new AppError("validation", "import.fileTooLarge", { megabytes: maxImportBytes / 1024 / 1024 });
  // An .xlsx file is a zip archive: it starts with «PK». Other common files get their own answer.
  if (file.length < 4 || file[0] !== 0x50 || file[1] !== 0x4b) throw notXlsx(file);
  await checkXlsxArchive(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError("validation", "import.unreadable");
  }
  const worksheet = workbook.getWorksheet(measuresSheetName) ?? workbook.worksheets[0];
  if (!worksheet) throw new AppError("validation", "import.noSheets");
  // A cell far down or far right (XFD1048576) would make the sheet billions of cells to read.
  if (worksheet.rowCount > maxImportRows)
    throw new AppError("validation", "import.sheetTooLong", {
      sheet: worksheet.name,
      rows: worksheet.rowCount.toLocaleString("nb-NO"),
      max: maxImportRows.toLocaleString("nb-NO"),
    });
  if (worksheet.columnCount > maxImportColumns)
    throw new AppError("validation", "import.sheetTooWide", {
      sheet: worksheet.name,
      columns: worksheet.columnCount.toLocaleString("nb-NO"),
      max: maxImportColumns,
    });
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
