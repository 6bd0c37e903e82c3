import {
  checkLengths,
  checkText,
  formatCount,
  maxDimensions,
  maxProblems,
  quote,
  type StatDimension,
  StatisticsFileError,
  type StatRole,
  type StatTable,
} from "./table.ts";

// CSV files in long form (one column per dimension, the value last), read into a StatTable.

/**
 * Statistics Norway's symbols for a value that is not a number. All but «-» mean missing (stored as
 * NULL); «-» means nil and is stored as 0 with its symbol (see `nilSymbol` in mapping.ts).
 */
export const missingSymbols = ["..", "...", ":", ".", "-"] as const;

/** Splits one line; `unclosed` is set when a quoted cell runs to the end of the line. */
function splitCsvLine(line: string, delimiter: string, unclosed?: { at: boolean }): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  if (unclosed) unclosed.at = quoted;
  return cells.map((c) => c.trim());
}

/** A number as Norwegians and Statistics Norway write it: "1 234,5", "1234.5", "-3,2". */
export function parseNorwegianNumber(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (s.includes(",")) s = s.replace(/\./g, "").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** "3301 Drammen" → code 3301, label Drammen; "C Industri" → C; "2023" stays as it is. */
function splitCodeAndLabel(text: string): { code: string; label: string } {
  const match = /^((?:[A-Za-z]{1,3}-)?\d[\w.-]*|[A-Z])\s+(.+)$/.exec(text);
  return match ? { code: match[1] as string, label: match[2] as string } : { code: text, label: text };
}

function guessRole(header: string): StatRole {
  const h = header.toLowerCase();
  if (/region|kommune|geo|område/.test(h)) return "geo";
  if (/^(år|tid|time|year|period|periode|kvartal|måned|uke)\b/.test(h)) return "time";
  if (/statistikkvariabel|contents|innhold|variabel/.test(h)) return "metric";
  return null;
}

/**
 * Reads a CSV file in long form: a header row, one column per dimension and the value in the last
 * column. Semicolon or comma separated; decimal comma allowed; ".." ":" "." mean missing, "-" nil.
 */
export function readCsv(text: string): StatTable {
  checkText(text);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = lines[0] ?? "";
  if (!text.trim()) throw new StatisticsFileError("CSV-filen er tom.");
  if (!header.trim())
    throw new StatisticsFileError(
      "Første linje er tom. CSV-filen må begynne med en overskriftslinje, for eksempel «region;år;verdi».",
    );
  const delimiter = (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const unclosed = { at: false };
  const headers = splitCsvLine(header, delimiter, unclosed);
  if (unclosed.at)
    throw new StatisticsFileError(
      'Linje 1: et anførselstegn (") er ikke avsluttet. Rett overskriftslinjen og prøv igjen.',
    );
  if (headers.length < 2)
    throw new StatisticsFileError(
      "CSV-filen må ha minst to kolonner skilt med semikolon (;) eller komma (,): én eller flere dimensjoner og verdien i siste kolonne. Er filen lagret med et annet skilletegn (for eksempel tabulator), lagre den på nytt som CSV med semikolon.",
    );
  if (headers.length > maxDimensions + 1)
    throw new StatisticsFileError(
      `Overskriftslinjen har ${formatCount(headers.length)} kolonner; en statistikkfil i langt format har én kolonne per dimensjon og verdien til slutt, høyst ${maxDimensions + 1}. Er skilletegnet riktig?`,
    );
  if (parseNorwegianNumber(headers[headers.length - 1] as string) !== null)
    throw new StatisticsFileError(
      `Første linje ser ut som tall, ikke som overskrifter (${quote((headers[headers.length - 1] as string).slice(0, 40))}). CSV-filen må begynne med en overskriftslinje, for eksempel «region;år;verdi».`,
    );
  const dimensionCount = headers.length - 1;
  const dimensions: StatDimension[] = headers.slice(0, dimensionCount).map((h, i) => ({
    id: h || `kolonne${i + 1}`,
    label: h || `Kolonne ${i + 1}`,
    role: guessRole(h),
    categories: [],
  }));
  const indexes = dimensions.map(() => new Map<string, number>());
  const cells: { coords: number[]; value: number | null; status: string | null }[] = [];
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (let l = 1; l < lines.length; l++) {
    const line = lines[l] as string;
    if (!line.trim()) continue;
    const row = splitCsvLine(line, delimiter, unclosed);
    if (unclosed.at) {
      problems.push(`Linje ${l + 1}: et anførselstegn (") er ikke avsluttet.`);
      if (problems.length >= maxProblems) break;
      continue;
    }
    if (row.length !== headers.length) {
      problems.push(`Linje ${l + 1}: ${row.length} kolonner, men overskriften har ${headers.length}.`);
      if (problems.length >= maxProblems) break;
      continue;
    }
    const coords = dimensions.map((dim, d) => {
      const { code, label } = splitCodeAndLabel(row[d] as string);
      const index = indexes[d] as Map<string, number>;
      let at = index.get(code);
      if (at === undefined) {
        at = dim.categories.length;
        index.set(code, at);
        dim.categories.push({ code, label, unit: null, decimals: null });
      }
      return at;
    });
    const key = coords.join(",");
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(`Linje ${l + 1}: samme kombinasjon som linje ${earlier}.`);
    seen.set(key, l + 1);
    const raw = row[dimensionCount] as string;
    if (raw === "") cells.push({ coords, value: null, status: null });
    else if ((missingSymbols as readonly string[]).includes(raw))
      cells.push({ coords, value: null, status: raw });
    else {
      const value = parseNorwegianNumber(raw);
      if (value === null) problems.push(`Linje ${l + 1}: ${quote(raw.slice(0, 40))} er ikke et tall.`);
      cells.push({ coords, value, status: null });
    }
    if (problems.length >= maxProblems) break;
  }
  if (problems.length > 0) throw new StatisticsFileError(problems.join(" "), problems);
  if (cells.length === 0) throw new StatisticsFileError("CSV-filen har ingen verdier under overskriften.");
  checkLengths(headers[dimensionCount] ?? "", dimensions);
  return {
    format: "csv",
    version: "csv",
    id: "",
    label: headers[dimensionCount] ?? "",
    source: "",
    updated: null,
    dimensions,
    cellCount: cells.length,
    forEachCell(visit) {
      for (const cell of cells) visit(cell.coords, cell.value, cell.status);
    },
  };
}
