import JSONstat from "jsonstat-toolkit";

/**
 * Statistics files (JSON-stat 1.x and 2.0, CSV) read into one shape — a table of dimensions with
 * their categories and one value per cell — and turned into indicator series by a mapping the
 * planner chooses: which dimension is region, which is time, which is the category, which the
 * content, and which categories to keep. Pure functions; no I/O.
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
const maxProblems = 20;
const formatCount = (n: number) => n.toLocaleString("nb-NO", { maximumFractionDigits: 0 });

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const quote = (s: string) => `«${s}»`;
/** A value from the file as a short text: strings as they are, anything else as JSON, at most 40 characters. */
const shown = (v: unknown) => (typeof v === "string" ? v : String(JSON.stringify(v))).slice(0, 40);

/** The one dataset of a JSON-stat response: 2.0 `class: "dataset"`, a 1.x single dataset or bundle. */
function findDataset(raw: unknown): { tree: Json; version: string; name: string } {
  const notJsonStat = (why: string) => new StatisticsFileError(`Filen er ikke JSON-stat: ${why}.`);
  if (!isObject(raw)) throw notJsonStat("den inneholder ikke et JSON-objekt");
  if (raw.class === "dataset") {
    return { tree: raw, version: typeof raw.version === "string" ? raw.version : "1.x", name: "" };
  }
  if (raw.class === "collection")
    throw notJsonStat("den er en samling (collection); hent ett datasett av gangen");
  if (raw.class !== undefined && raw.class !== "bundle")
    throw notJsonStat(`klassen ${quote(String(raw.class))} er ikke et datasett`);
  if ("error" in raw) throw notJsonStat("den er en feilmelding fra statistikktjenesten");
  // 1.x: a dataset without class has its dimensions and values at the top.
  if (isObject(raw.dimension) && "value" in raw) return { tree: raw, version: "1.x", name: "" };
  // 1.x bundle: { "dataset": { … }, … } — the first dataset.
  for (const [name, candidate] of Object.entries(raw)) {
    if (isObject(candidate) && isObject(candidate.dimension))
      return { tree: candidate, version: "1.x", name };
  }
  throw notJsonStat("den har verken «dataset»-klasse, dimensjoner eller verdier");
}

/** Checks what jsonstat-toolkit takes on trust: ids, sizes, categories and the number of values. */
function checkStructure(tree: Json, version: string): { ids: string[]; sizes: number[]; n: number } {
  const problems: string[] = [];
  const dimension = isObject(tree.dimension) ? tree.dimension : null;
  if (!dimension) throw new StatisticsFileError("Filen er ikke JSON-stat: datasettet mangler «dimension».");
  const ids = (version === "1.x" && !Array.isArray(tree.id) ? dimension.id : tree.id) as unknown;
  const sizes = (version === "1.x" && !Array.isArray(tree.size) ? dimension.size : tree.size) as unknown;
  if (!Array.isArray(ids) || !ids.every((i) => typeof i === "string"))
    throw new StatisticsFileError(
      "Filen er ikke JSON-stat: datasettet mangler listen over dimensjoner («id»).",
    );
  if (!Array.isArray(sizes))
    throw new StatisticsFileError("Filen er ikke JSON-stat: datasettet mangler størrelsene («size»).");
  const badSize = sizes.find((s) => !Number.isSafeInteger(s) || (s as number) < 0);
  if (badSize !== undefined)
    throw new StatisticsFileError(
      `Filen er ikke gyldig JSON-stat: størrelsen ${quote(shown(badSize))} i «size» er ikke et helt tall som er 0 eller større.`,
    );
  if (ids.length !== sizes.length)
    throw new StatisticsFileError(
      `Datasettet har ${ids.length} dimensjoner i «id», men ${sizes.length} størrelser i «size».`,
    );
  if (ids.length > maxDimensions)
    throw new StatisticsFileError(
      `Datasettet har ${ids.length} dimensjoner; importen tar høyst ${maxDimensions}.`,
    );
  const longId = ids.find((id) => id.length > maxCodeLength);
  if (longId !== undefined)
    throw new StatisticsFileError(
      `Dimensjonen ${quote(`${longId.slice(0, 40)}…`)} har et navn som er lengre enn ${maxCodeLength} tegn.`,
    );
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined)
    throw new StatisticsFileError(`Dimensjonen ${quote(twice)} står to ganger i «id».`);
  // The product before anything is allocated: sizes like [1e6, 1e6, 1e6] with a sparse value object
  // would otherwise make the reader walk (or allocate) 10^18 cells.
  const cells = (sizes as number[]).reduce((a, b) => a * b, 1);
  if (cells > maxCells)
    throw new StatisticsFileError(
      `Datasettet har ${formatCount(cells)} celler (${(sizes as number[]).map(formatCount).join(" × ")}); importen tar høyst ${formatCount(maxCells)}. Velg et mindre utvalg i tabellen.`,
    );
  ids.forEach((id, i) => {
    const dim = dimension[id];
    const category = isObject(dim) ? dim.category : undefined;
    if (!isObject(category)) {
      problems.push(`Dimensjonen ${quote(id)} står i «id», men er ikke beskrevet i «dimension».`);
      return;
    }
    const index = category.index ?? category.label;
    const count = Array.isArray(index) ? index.length : isObject(index) ? Object.keys(index).length : 0;
    const size = sizes[i] as number;
    if (count !== size)
      problems.push(`Dimensjonen ${quote(id)} har størrelse ${size} i «size», men ${count} kategorier.`);
  });
  const n = cells;
  const value = tree.value;
  if (Array.isArray(value)) {
    if (value.length !== n)
      problems.push(
        `Størrelsene (${(sizes as number[]).join(" × ")} = ${n}) passer ikke med antall verdier (${value.length}).`,
      );
    const bad = value.findIndex((v) => v !== null && typeof v !== "number");
    if (bad >= 0) problems.push(`Verdi nr. ${bad + 1} (${quote(shown(value[bad]))}) er ikke et tall.`);
  } else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const k = Number(key);
      if (!/^\d+$/.test(key) || k >= n) {
        problems.push(
          `Verdien med nøkkel ${quote(key.slice(0, 40))} ligger utenfor datasettet (størrelse ${n}).`,
        );
        break;
      }
      if (v !== null && typeof v !== "number") {
        problems.push(`Verdien med nøkkel ${quote(key)} (${quote(shown(v))}) er ikke et tall.`);
        break;
      }
    }
  } else {
    problems.push("Datasettet mangler verdier («value»).");
  }
  const status = tree.status;
  if (Array.isArray(status)) {
    if (status.length !== n && status.length !== 1)
      problems.push(`Antall statuser (${status.length}) passer ikke med størrelsen ${n}.`);
    const bad = status.findIndex((s) => s !== null && typeof s !== "string");
    if (bad >= 0) problems.push(`Status nr. ${bad + 1} er ikke en tekst.`);
  } else if (isObject(status)) {
    for (const [key, s] of Object.entries(status)) {
      const k = Number(key);
      if (!/^\d+$/.test(key) || k >= n) {
        problems.push(
          `Statusen med nøkkel ${quote(key.slice(0, 40))} ligger utenfor datasettet (størrelse ${n}).`,
        );
        break;
      }
      if (s !== null && typeof s !== "string") {
        problems.push(`Statusen med nøkkel ${quote(key)} er ikke en tekst.`);
        break;
      }
    }
  } else if (status !== undefined && status !== null && typeof status !== "string")
    problems.push("Statusene («status») er verken en liste, et objekt eller en tekst.");
  if (problems.length > 0) throw new StatisticsFileError(problems.join(" "), problems);
  return { ids: ids as string[], sizes: sizes as number[], n };
}

/** The roles (time, geo, metric) of a dataset's dimensions, 1.x or 2.0. */
function rolesOf(tree: Json): Map<string, StatRole> {
  const roles = new Map<string, StatRole>();
  const role = (isObject(tree.role) ? tree.role : isObject(tree.dimension) ? tree.dimension.role : null) as
    | Json
    | null
    | undefined;
  if (!isObject(role)) return roles;
  for (const kind of ["time", "geo", "metric"] as const) {
    const list = role[kind];
    if (Array.isArray(list)) for (const id of list) roles.set(String(id), kind);
  }
  return roles;
}

/** Reads a JSON-stat response (already parsed from JSON): 2.0 dataset, 1.x dataset or 1.x bundle. */
export function readJsonStat(raw: unknown): StatTable {
  const found = findDataset(raw);
  const { ids, n } = checkStructure(found.tree, found.version);
  const roles = rolesOf(found.tree);
  try {
    return buildTable(found, ids, n, roles);
  } catch (error) {
    if (error instanceof StatisticsFileError) throw error;
    throw new StatisticsFileError("Filen kan ikke leses som JSON-stat; den kan være skadet.");
  }
}

function buildTable(
  found: { tree: Json; version: string; name: string },
  ids: string[],
  n: number,
  roles: Map<string, StatRole>,
): StatTable {
  const tree = found.tree;
  // jsonstat-toolkit reads both versions; a 1.x dataset is handed over as a dataset of its own.
  const dataset = JSONstat({ ...tree, class: "dataset" }).Dataset(0);
  if (dataset?.class !== "dataset") throw new StatisticsFileError("Filen er ikke JSON-stat.");
  const dimensions: StatDimension[] = ids.map((id) => {
    const dim = dataset.Dimension(id);
    if (!dim) throw new StatisticsFileError(`Dimensjonen ${quote(id)} kan ikke leses.`);
    return {
      id,
      label: dim.label ?? id,
      role: roles.get(id) ?? null,
      categories: dim.id.map((code) => {
        const category = dim.Category(code);
        return {
          code,
          label: category?.label ?? code,
          unit: category?.unit?.label ?? category?.unit?.symbol ?? null,
          decimals: typeof category?.unit?.decimals === "number" ? category.unit.decimals : null,
        };
      }),
    };
  });
  checkLengths(typeof tree.label === "string" ? tree.label : "", dimensions);
  const values = dataset.value ?? [];
  const statuses = dataset.status ?? null;
  const sizes = dimensions.map((d) => d.categories.length);
  return {
    format: "json-stat",
    version: found.version === "2.0" ? "2.0" : "1.x",
    id: typeof tree.href === "string" ? tree.href : found.name,
    label: typeof tree.label === "string" ? tree.label : found.name,
    source: typeof tree.source === "string" ? tree.source : "",
    updated: typeof tree.updated === "string" ? tree.updated : null,
    dimensions,
    cellCount: n,
    forEachCell(visit) {
      // Row-major order: the last dimension changes fastest (JSON-stat's order of values).
      const coords = new Array<number>(sizes.length).fill(0);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        visit(coords, typeof v === "number" ? v : null, statuses?.[i] ?? null);
        for (let d = sizes.length - 1; d >= 0; d--) {
          const next = (coords[d] as number) + 1;
          if (next < (sizes[d] as number)) {
            coords[d] = next;
            break;
          }
          coords[d] = 0;
        }
      }
    },
  };
}

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
function checkLengths(label: string, dimensions: StatDimension[]): void {
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

/** Parses JSON text and reads it as JSON-stat. */
export function readJsonStatText(text: string): StatTable {
  checkText(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new StatisticsFileError("Filen er ikke JSON-stat: den er ikke gyldig JSON.");
  }
  return readJsonStat(raw);
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Statistics Norway's symbols for a value that is missing; the value is stored as NULL. */
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
 * column. Semicolon or comma separated; decimal comma allowed; ".." ":" "." "-" mean missing.
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

// ---------------------------------------------------------------------------------------------
// Region codes

export type RegionMatch =
  | { kind: "municipality"; number: string; municipalityId: string | null }
  | { kind: "country"; number: "0"; municipalityId: null };

/**
 * Matches Statistics Norway's region code to a municipality by its number, with or without a
 * prefix ("K-3301", "3301"); "0", "EAK" and "Hele landet" are the whole country. `known` maps the
 * four-digit numbers of the municipalities that exist to their id (null when not in the database).
 */
export function matchRegionCode(code: string, known: ReadonlyMap<string, string | null>): RegionMatch | null {
  const trimmed = code.trim();
  const bare = trimmed.replace(/^[A-Za-z]{1,3}-/, "");
  if (bare === "0" || bare === "00" || bare === "0000" || /^(eak|hele landet|norge|landet)$/i.test(trimmed))
    return { kind: "country", number: "0", municipalityId: null };
  if (/^\d{4}$/.test(bare) && known.has(bare))
    return { kind: "municipality", number: bare, municipalityId: known.get(bare) ?? null };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Mapping a table to series

export type ImportMapping = {
  region: string;
  time: string;
  category: string | null;
  content: string | null;
  /** Chosen category codes per dimension. Region, time and category keep all when not named; every
   * other dimension (content included) needs exactly one. */
  selections: Record<string, string[]>;
};

export type SeriesRow = {
  regionCode: string;
  regionLabel: string;
  regionNumber: string;
  regionMunicipalityId: string | null;
  period: string;
  category: string;
  categoryLabel: string;
  content: string;
  contentLabel: string;
  value: number | null;
  status: string | null;
};

export type MappingResult = {
  rows: SeriesRow[];
  /** Everything that stops the import; empty when it can be saved. */
  problems: string[];
  unmatchedRegions: { code: string; label: string }[];
  unit: string;
  decimals: number | null;
};

/** A first guess at the mapping from the dimensions' roles, for the wizard to start from. */
export function suggestMapping(table: StatTable): ImportMapping {
  const byRole = (role: StatRole) => table.dimensions.find((d) => d.role === role)?.id;
  const region = byRole("geo") ?? table.dimensions[0]?.id ?? "";
  const time = byRole("time") ?? table.dimensions.find((d) => d.id !== region)?.id ?? "";
  const content = byRole("metric") ?? null;
  const rest = table.dimensions.filter((d) => ![region, time, content].includes(d.id));
  const category = rest.find((d) => d.categories.length > 1)?.id ?? null;
  const selections: Record<string, string[]> = {};
  for (const d of table.dimensions) {
    if (d.id === region || d.id === time || d.id === category) continue;
    const first = d.categories[0];
    if (first) selections[d.id] = [first.code];
  }
  return { region, time, category, content, selections };
}

/** Turns a table into series rows by the mapping; problems are reported, not thrown. */
export function mapTable(
  table: StatTable,
  mapping: ImportMapping,
  known: ReadonlyMap<string, string | null>,
): MappingResult {
  const problems: string[] = [];
  const dimIndex = new Map(table.dimensions.map((d, i) => [d.id, i]));
  const names = table.dimensions.map((d) => quote(d.id)).join(", ");
  const empty = (): MappingResult => ({ rows: [], problems, unmatchedRegions: [], unit: "", decimals: null });
  const roles: [string, string | null][] = [
    ["region", mapping.region],
    ["tid", mapping.time],
    ["kategori", mapping.category],
    ["innhold", mapping.content],
  ];
  for (const [role, id] of roles) {
    if (id !== null && !dimIndex.has(id))
      problems.push(
        `Dimensjonen ${quote(id)} (valgt som ${role}) finnes ikke i datasettet. Det har ${names}.`,
      );
  }
  for (const id of Object.keys(mapping.selections))
    if (!dimIndex.has(id))
      problems.push(`Dimensjonen ${quote(id)} finnes ikke i datasettet. Det har ${names}.`);
  const chosen = roles.map(([, id]) => id).filter((id): id is string => id !== null);
  if (new Set(chosen).size !== chosen.length)
    problems.push("Region, tid, kategori og innhold må være forskjellige dimensjoner.");
  if (problems.length > 0) return empty();

  // Which category indexes each dimension keeps.
  const keep: Set<number>[] = table.dimensions.map((dim) => {
    const selection = mapping.selections[dim.id];
    const free = dim.id === mapping.region || dim.id === mapping.time || dim.id === mapping.category;
    if (!selection || (free && selection.length === 0)) {
      if (free || dim.categories.length === 1) return new Set(dim.categories.map((_, i) => i));
      problems.push(`Velg én kategori i dimensjonen ${quote(dim.label)} (den har ${dim.categories.length}).`);
      return new Set<number>();
    }
    if (!free && selection.length !== 1)
      problems.push(`Velg nøyaktig én kategori i dimensjonen ${quote(dim.label)}.`);
    const codes = new Map(dim.categories.map((c, i) => [c.code, i]));
    const set = new Set<number>();
    for (const code of selection) {
      const at = codes.get(code);
      if (at === undefined)
        problems.push(`Kategorien ${quote(code)} finnes ikke i dimensjonen ${quote(dim.label)}.`);
      else set.add(at);
    }
    return set;
  });
  if (problems.length > 0) return empty();

  const regionAt = dimIndex.get(mapping.region) as number;
  const timeAt = dimIndex.get(mapping.time) as number;
  const categoryAt = mapping.category === null ? -1 : (dimIndex.get(mapping.category) as number);
  const contentAt = mapping.content === null ? -1 : (dimIndex.get(mapping.content) as number);
  const regionDim = table.dimensions[regionAt] as StatDimension;
  const regionMatches = regionDim.categories.map((c) => matchRegionCode(c.code, known));
  const unmatchedRegions = regionDim.categories
    .filter((_c, i) => keep[regionAt]?.has(i) && regionMatches[i] === null)
    .map((c) => ({ code: c.code, label: c.label }));
  if (unmatchedRegions.length > 0) {
    const list = unmatchedRegions.slice(0, 10).map((r) => `${r.code} ${r.label}`.trim());
    problems.push(
      `${unmatchedRegions.length} regionkoder passer ikke til noen kommune: ${list.join(", ")}${unmatchedRegions.length > 10 ? " …" : ""}. Velg dem bort i regiondimensjonen.`,
    );
  }
  const contentCategory =
    contentAt >= 0
      ? (table.dimensions[contentAt] as StatDimension).categories[[...(keep[contentAt] ?? [])][0] ?? 0]
      : undefined;

  const rows: SeriesRow[] = [];
  const timeDim = table.dimensions[timeAt] as StatDimension;
  const categoryDim = categoryAt >= 0 ? (table.dimensions[categoryAt] as StatDimension) : null;
  const contentDim = contentAt >= 0 ? (table.dimensions[contentAt] as StatDimension) : null;
  table.forEachCell((coords, value, status) => {
    for (let d = 0; d < coords.length; d++) if (!keep[d]?.has(coords[d] as number)) return;
    const r = coords[regionAt] as number;
    const match = regionMatches[r];
    if (!match) return;
    const region = regionDim.categories[r] as StatCategory;
    const time = timeDim.categories[coords[timeAt] as number] as StatCategory;
    const category = categoryDim ? categoryDim.categories[coords[categoryAt] as number] : undefined;
    const content = contentDim ? contentDim.categories[coords[contentAt] as number] : undefined;
    rows.push({
      regionCode: region.code,
      regionLabel: region.label,
      regionNumber: match.number,
      regionMunicipalityId: match.municipalityId,
      period: time.code,
      category: category?.code ?? "",
      categoryLabel: category?.label ?? "",
      content: content?.code ?? "",
      contentLabel: content?.label ?? "",
      value,
      status: value === null ? status : status || null,
    });
  });
  if (rows.length === 0 && problems.length === 0) problems.push("Utvalget gir ingen verdier.");
  return {
    rows,
    problems,
    unmatchedRegions,
    unit: contentCategory?.unit ?? "",
    decimals: contentCategory?.decimals ?? null,
  };
}

/** The year a period label belongs to: "2023", "2023K1", "2023M04" → 2023. */
export function periodYear(period: string): number | null {
  const match = /^(\d{4})/.exec(period);
  return match ? Number(match[1]) : null;
}
