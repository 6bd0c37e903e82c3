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
  checkNotBinary(text.slice(0, 8));
  checkTextSample(text);
}

/**
 * Refuses a file whose first characters (or bytes, read one character per byte) are those of a PDF,
 * a zip archive (.xlsx, .docx) or an image, saying what it seems to be.
 */
export function checkNotBinary(start: string): void {
  const what = start.startsWith("%PDF")
    ? "en PDF-fil"
    : start.startsWith("PK\u0003\u0004")
      ? "et Excel-regneark eller et annet zip-arkiv (.xlsx, .docx, .zip)"
      : /^\uFFFDPNG|^\u0089PNG|^\u2030PNG|^\uFFFD\uFFFD\uFFFD|^\u00ff\u00d8\u00ff|^GIF8/.test(start)
        ? "et bilde eller en annen binærfil"
        : null;
  if (what)
    throw new StatisticsFileError(
      `Filen ser ut til å være ${what}, ikke en tekstfil. Last ned tabellen som JSON-stat eller CSV og prøv igjen.`,
    );
}

function checkTextSample(text: string): void {
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

/**
 * A period as the app stores it, from a time code or label as Statistics Norway writes them: a year
 * «2024», a quarter «2024K1» (also «2024Q1»), a month «2024M01», a school year «2023-2024» (also
 * «2023/2024», «2023-24»). Anything else is null.
 */
export function normalisePeriod(text: string): string | null {
  const s = text.trim();
  if (/^\d{4}$/.test(s)) return s;
  const quarter = /^(\d{4})\s*[KQ]([1-4])$/i.exec(s);
  if (quarter) return `${quarter[1]}K${quarter[2]}`;
  const month = /^(\d{4})\s*M(0[1-9]|1[0-2])$/i.exec(s);
  if (month) return `${month[1]}M${month[2]}`;
  const school = /^(\d{4})\s*[-/\u2013]\s*(\d{4}|\d{2})$/.exec(s);
  if (school) {
    const start = Number(school[1]);
    const end = school[2] as string;
    const next = end.length === 4 ? Number(end) : start + 1;
    if (next === start + 1 && String(next).endsWith(end)) return `${start}-${next}`;
  }
  return null;
}

/**
 * The periods of a time dimension, one per category: from the codes when every code is a period,
 * else from the labels when every label is one (PxWebApi tables coded «0», «1» labelled «2004»,
 * «2005»), else the codes as they are.
 */
export function periodsOf(dimension: StatDimension): string[] {
  const fromCodes = dimension.categories.map((c) => normalisePeriod(c.code));
  if (fromCodes.every((p) => p !== null)) return fromCodes as string[];
  const fromLabels = dimension.categories.map((c) => normalisePeriod(c.label));
  if (fromLabels.every((p) => p !== null)) return fromLabels as string[];
  return dimension.categories.map((c) => c.code);
}

/** Whether a dimension's codes or labels are all periods (a time dimension without a role). */
export const looksLikeTime = (dimension: StatDimension) =>
  dimension.categories.length > 0 &&
  (dimension.categories.every((c) => normalisePeriod(c.code) !== null) ||
    dimension.categories.every((c) => normalisePeriod(c.label) !== null));

/** The year a period label belongs to: "2023", "2023K1", "2023M04" → 2023. */
export function periodYear(period: string): number | null {
  const match = /^(\d{4})/.exec(period);
  return match ? Number(match[1]) : null;
}
