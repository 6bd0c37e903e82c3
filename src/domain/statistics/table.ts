/**
 * Statistics files (JSON-stat 1.x and 2.0, CSV) read into one shape — a table of dimensions with
 * their categories and one value per cell — and turned into indicator series by a mapping the
 * planner chooses: which dimension is region, which is time, which is the category, which the
 * content, and which categories to keep. Pure functions; no I/O.
 *
 * This file holds the shape and the checks both readers share; jsonstat.ts and csv.ts read, and
 * mapping.ts maps.
 */

export type StatCategory = { code: string; label: string; unit: string | null; decimals: number | null };
export type StatRole = "time" | "geo" | "metric" | null;
export type StatDimension = { id: string; label: string; role: StatRole; categories: StatCategory[] };
export type StatTable = {
  format: "json-stat" | "csv";
  /** "1.x", "2.0" or "csv". */
  version: string;
  id: string;
  label: string;
  source: string;
  updated: string | null;
  dimensions: StatDimension[];
  cellCount: number;
  /** Calls back every cell with its category index in each dimension, its value and status. */
  forEachCell(visit: (coords: readonly number[], value: number | null, status: string | null) => void): void;
};

/** A file that cannot be read, with everything that is wrong with it, in Norwegian. */
export class StatisticsFileError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
    this.name = "StatisticsFileError";
  }
}

/** The largest statistics file that may be uploaded or fetched. */
export const maxStatisticsFileBytes = 20 * 1024 * 1024;
/** The most cells (values) a dataset may have: a 20 MB file holds at most about 10 million. */
export const maxCells = 10_000_000;
/** The most dimensions a dataset, or columns a CSV file, may have (Statistics Norway's have fewer than 10). */
export const maxDimensions = 50;
/** The longest dimension id or category code, and the longest label. */
export const maxCodeLength = 200;
export const maxLabelLength = 1000;
/** The most problems listed in one refusal. */
export const maxProblems = 20;
export const formatCount = (n: number) => n.toLocaleString("nb-NO", { maximumFractionDigits: 0 });
/** A name or code from the file, in Norwegian quotation marks. */
export const quote = (s: string) => `«${s}»`;

/**
 * Refuses what is not a text file at all (a PDF, an Excel workbook, an image, binary junk read as
 * text), with a message that says what the file seems to be.
 */
export function checkText(text: string): void {
  const start = text.slice(0, 8);
  const what = start.startsWith("%PDF")
    ? "en PDF-fil"
    : start.startsWith("PK\u0003\u0004")
      ? "et Excel-regneark eller et annet zip-arkiv (.xlsx, .docx, .zip)"
      : /^\uFFFDPNG|^\u0089PNG|^\uFFFD\uFFFD\uFFFD/.test(start)
        ? "et bilde eller en annen binærfil"
        : null;
  if (what)
    throw new StatisticsFileError(
      `Filen ser ut til å være ${what}, ikke en tekstfil. Last ned tabellen som JSON-stat eller CSV og prøv igjen.`,
    );
  const sample = text.slice(0, 64 * 1024);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) {
      odd = sample.length;
      break;
    }
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  if (odd > Math.max(2, sample.length / 100))
    throw new StatisticsFileError(
      "Filen ser ikke ut som en tekstfil (JSON-stat eller CSV); den kan være et bilde, en PDF eller et regneark. Last ned tabellen som JSON-stat eller CSV og prøv igjen.",
    );
}

/** Refuses codes and labels too long to be real ones (a file built to fill memory or the database). */
export function checkLengths(label: string, dimensions: StatDimension[]): void {
  const long = (what: string, text: string, max: number) =>
    new StatisticsFileError(
      `${what} ${quote(`${text.slice(0, 40)}…`)} er lengre enn ${formatCount(max)} tegn; den kan ikke importeres.`,
    );
  if (label.length > maxLabelLength) throw long("Navnet på datasettet", label, maxLabelLength);
  for (const d of dimensions) {
    if (d.label.length > maxLabelLength) throw long("Navnet på dimensjonen", d.label, maxLabelLength);
    for (const c of d.categories) {
      if (c.code.length > maxCodeLength) throw long("Kategorikoden", c.code, maxCodeLength);
      if (c.label.length > maxLabelLength) throw long("Kategorinavnet", c.label, maxLabelLength);
      if ((c.unit?.length ?? 0) > maxLabelLength) throw long("Enheten", c.unit ?? "", maxLabelLength);
    }
  }
}

/** The year a period label belongs to: "2023", "2023K1", "2023M04" → 2023. */
export function periodYear(period: string): number | null {
  const match = /^(\d{4})/.exec(period);
  return match ? Number(match[1]) : null;
}
